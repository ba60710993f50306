import { onBeforeUnmount, onMounted, ref } from 'vue';

/** The current instant, ticking every `everyMs` while the component is mounted, so badges age without a reload. */
export function useNow(everyMs = 30_000) {
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => (timer = setInterval(() => (now.value = Date.now()), everyMs)));
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
