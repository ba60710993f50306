import { Router } from 'express';

/** One dependency the API needs, with a cheap round trip that proves it answers. */
export interface DependencyProbe {
  name: string;
  check(): Promise<void>;
}

interface ProbeResult {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

const probeTimeoutMs = 3_000;

async function runProbe(probe: DependencyProbe): Promise<ProbeResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe.check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${probeTimeoutMs} ms`)), probeTimeoutMs);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /healthz`: 200 when every dependency answers, 503 naming the ones that do not. */
export function healthRouter(probes: DependencyProbe[]): Router {
  const router = Router();
  router.get('/healthz', async (_request, response) => {
    const results = await Promise.all(probes.map(runProbe));
    const dependencies = Object.fromEntries(probes.map((probe, index) => [probe.name, results[index]]));
    const healthy = results.every((result) => result.status === 'up');
    response.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'unavailable', dependencies });
  });
  return router;
}
