import { onBeforeUnmount, onMounted } from 'vue';
import type { ChangeEvent } from '../api/types.js';
import { useSession } from '../session/use-session.js';
import { listenToChanges } from './live-changes.js';

/** While the component is mounted, calls `refresh` when the API announces changes the user may see. */
export function useLiveChanges(refresh: (events: ChangeEvent[]) => unknown) {
  const session = useSession();
  let stop: (() => void) | undefined;
  onMounted(() => {
    stop = listenToChanges({ url: () => session.api.eventsUrl(), onChanges: (events) => void refresh(events), beforeReconnect: () => session.api.me() });
  });
  onBeforeUnmount(() => stop?.());
}
