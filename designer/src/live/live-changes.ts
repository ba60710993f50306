import type { ChangeEvent } from '../api/types.js';

export interface LiveChangesOptions {
  /** The stream's URL, asked again at each (re)connection so a refreshed token is used. */
  url: () => string;
  /** Called once per burst of changes (debounced), with the burst's events. */
  onChanges: (events: ChangeEvent[]) => void;
  /** Called before reconnecting after the stream failed (e.g. to refresh an expired token). */
  beforeReconnect?: () => Promise<unknown>;
  debounceMs?: number;
  reconnectMs?: number;
  createSource?: (url: string) => EventSource;
}

/**
 * Listens to the API's server-sent `change` events. Bursts (a completion moves a task, its dossier
 * and the next task) are folded into one call, so a page reloads once per burst. A failed stream is
 * reopened after a pause. Returns a function that stops listening.
 */
export function listenToChanges(options: LiveChangesOptions): () => void {
  const { debounceMs = 300, reconnectMs = 3_000, createSource = (url) => new EventSource(url) } = options;
  let source: EventSource | undefined;
  let pending: ChangeEvent[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const flush = () => {
    const events = pending;
    pending = [];
    options.onChanges(events);
  };

  const open = () => {
    if (stopped) return;
    source = createSource(options.url());
    source.addEventListener('change', (message) => {
      if (stopped) return;
      pending.push(JSON.parse((message as MessageEvent<string>).data) as ChangeEvent);
      clearTimeout(flushTimer);
      flushTimer = setTimeout(flush, debounceMs);
    });
    source.addEventListener('error', () => {
      // EventSource retries by itself unless the server refused it (closed); then we reopen, refreshed.
      if (source?.readyState !== 2 || stopped) return;
      reconnectTimer = setTimeout(async () => {
        await options.beforeReconnect?.().catch(() => undefined);
        open();
      }, reconnectMs);
    });
  };

  open();
  return () => {
    stopped = true;
    clearTimeout(flushTimer);
    clearTimeout(reconnectTimer);
    source?.close();
  };
}
