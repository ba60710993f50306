import { inject, type InjectionKey } from 'vue';
import type { Session } from './session.js';

export const sessionKey: InjectionKey<Session> = Symbol('motcua session');

export function useSession(): Session {
  const session = inject(sessionKey);
  if (!session) throw new Error('useSession() outside the MotCua app');
  return session;
}
