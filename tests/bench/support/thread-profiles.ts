/**
 * CPU profiles of this process's JavaScript threads: the main thread (the API, the worker's
 * activations and activities, the bench's officers) through an in-process inspector session, and
 * every worker thread (the Temporal worker runs workflow code in one) through the inspector's
 * NodeWorker domain. Native threads (the worker's Rust core, libuv's pool) are not sampled.
 */
import { Session, type Profiler } from 'node:inspector';
import type { ThreadProfile } from './cpu-profile-breakdown.js';

export interface ProfileRecording {
  /** Stops sampling and returns one profile per thread, the main thread first. */
  stop(): Promise<ThreadProfile[]>;
}

/** Starts sampling every `intervalMicros` µs on the main thread and on each worker thread, running or started later. */
export async function startThreadProfiles(intervalMicros = 150): Promise<ProfileRecording> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));

  // Messages to a worker thread's inspector go through the main session, tagged with the worker's session id.
  let nextId = 0;
  const replies = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();
  session.on('NodeWorker.receivedMessageFromWorker', ({ params }: { params: { message: string } }) => {
    const reply = JSON.parse(params.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiting = reply.id === undefined ? undefined : replies.get(reply.id);
    if (!waiting) return;
    replies.delete(reply.id!);
    if (reply.error) waiting.reject(new Error(reply.error.message));
    else waiting.resolve(reply.result);
  });
  const inWorker = <T>(sessionId: string, method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      replies.set(id, { resolve: resolve as (result: unknown) => void, reject });
      post('NodeWorker.sendMessageToWorker', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  const start = async (run: (method: string, params?: object) => Promise<unknown>) => {
    await run('Profiler.enable');
    await run('Profiler.setSamplingInterval', { interval: intervalMicros });
    await run('Profiler.start');
  };

  const workers: Array<{ thread: string; sessionId: string; started: Promise<unknown> }> = [];
  session.on('NodeWorker.attachedToWorker', ({ params }: { params: { sessionId: string; workerInfo: { workerId: string } } }) => {
    const { sessionId, workerInfo } = params;
    workers.push({ thread: `worker ${workerInfo.workerId}`, sessionId, started: start((method, options) => inWorker(sessionId, method, options)) });
  });
  const detached = new Set<string>();
  session.on('NodeWorker.detachedFromWorker', ({ params }: { params: { sessionId: string } }) => detached.add(params.sessionId));

  // The worker threads first and this thread last, so that its profile holds none of the profiler's own work.
  await post('NodeWorker.enable', { waitForDebuggerOnStart: false });
  await Promise.all(workers.map((worker) => worker.started));
  await start(post);
  return {
    async stop() {
      const main = await post<{ profile: Profiler.Profile }>('Profiler.stop');
      const threads: ThreadProfile[] = [{ thread: 'main', profile: main.profile }];
      for (const worker of workers) {
        // A thread that ended before the stop took its profile with it.
        if (detached.has(worker.sessionId)) continue;
        await worker.started;
        const { profile } = await inWorker<{ profile: Profiler.Profile }>(worker.sessionId, 'Profiler.stop');
        threads.push({ thread: worker.thread, profile });
      }
      await post('NodeWorker.disable');
      session.disconnect();
      return threads;
    },
  };
}
