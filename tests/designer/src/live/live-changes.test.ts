import { expect, test, vi } from 'vitest';
import type { ChangeEvent } from '../../../../designer/src/api/types.js';
import { listenToChanges } from '../../../../designer/src/live/live-changes.js';

/** A stand-in EventSource the test drives. */
class FakeSource extends EventTarget {
  readyState = 1;
  closed = false;
  constructor(readonly url: string) {
    super();
  }
  emit(event: Partial<ChangeEvent>) {
    this.dispatchEvent(Object.assign(new Event('change'), { data: JSON.stringify(event) }));
  }
  fail(permanently: boolean) {
    this.readyState = permanently ? 2 : 0;
    this.dispatchEvent(new Event('error'));
  }
  close() {
    this.closed = true;
  }
}

test('a burst of changes is one refresh; a refused stream reopens with a fresh URL after refreshing the token', async () => {
  vi.useFakeTimers();
  const sources: FakeSource[] = [];
  const refreshes: ChangeEvent[][] = [];
  let token = 1;
  const beforeReconnect = vi.fn(async () => void (token += 1));
  const stop = listenToChanges({
    url: () => `/api/events?accessToken=t${token}`,
    onChanges: (events) => refreshes.push(events),
    beforeReconnect,
    createSource: (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source as unknown as EventSource;
    },
  });
  sources[0]!.emit({ kind: 'task', id: 'a' });
  sources[0]!.emit({ kind: 'dossier', id: 'b' });
  await vi.advanceTimersByTimeAsync(299);
  expect(refreshes).toEqual([]);
  await vi.advanceTimersByTimeAsync(1);
  expect(refreshes.map((events) => events.map((event) => event.id))).toEqual([['a', 'b']]);

  // A passing hiccup: the browser retries by itself.
  sources[0]!.fail(false);
  await vi.advanceTimersByTimeAsync(5_000);
  expect(sources).toHaveLength(1);
  // Refused (e.g. the token expired): refresh, then reopen with the new token.
  sources[0]!.fail(true);
  await vi.advanceTimersByTimeAsync(3_000);
  expect(beforeReconnect).toHaveBeenCalledOnce();
  expect(sources.map((source) => source.url)).toEqual(['/api/events?accessToken=t1', '/api/events?accessToken=t2']);

  stop();
  expect(sources[1]!.closed).toBe(true);
  sources[1]!.emit({ id: 'late' });
  await vi.advanceTimersByTimeAsync(1_000);
  expect(refreshes).toHaveLength(1);
  vi.useRealTimers();
});
