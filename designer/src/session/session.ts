import { computed, reactive, readonly } from 'vue';
import { createMotcuaApi, type MotcuaApi } from '../api/motcua-api.js';
import { HttpClient, type Tokens, type TokenStore } from '../api/http-client.js';
import type { CurrentUser, SystemRole } from '../api/types.js';

const STORAGE_KEY = 'motcua.session';

interface SessionState {
  user: CurrentUser | null;
  /** Whether a stored session has been checked with GET /api/me. */
  restored: boolean;
}

/** The signed-in user and the API client that carries their tokens. One per app. */
export interface Session {
  readonly state: Readonly<SessionState>;
  readonly api: MotcuaApi;
  readonly signedIn: Readonly<{ value: boolean }>;
  signIn(username: string, password: string): Promise<CurrentUser>;
  signOut(): Promise<void>;
  /** Checks a session kept from an earlier visit; resolves once known. */
  restore(): Promise<void>;
  hasRole(...roles: SystemRole[]): boolean;
}

function storageTokens(storage: Storage, onCleared: () => void): TokenStore {
  return {
    get() {
      const text = storage.getItem(STORAGE_KEY);
      return text ? (JSON.parse(text) as Tokens) : null;
    },
    set(tokens) {
      if (tokens) storage.setItem(STORAGE_KEY, JSON.stringify(tokens));
      else {
        storage.removeItem(STORAGE_KEY);
        onCleared();
      }
    },
  };
}

export function createSession(storage: Storage = window.localStorage, fetchImpl?: typeof fetch): Session {
  const state = reactive<SessionState>({ user: null, restored: false });
  const tokens = storageTokens(storage, () => (state.user = null));
  const api = createMotcuaApi(new HttpClient({ tokens, fetch: fetchImpl }));
  let restoring: Promise<void> | null = null;

  return {
    state: readonly(state) as Readonly<SessionState>,
    api,
    signedIn: computed(() => state.user !== null),
    async signIn(username, password) {
      const answer = await api.login(username, password);
      tokens.set({ accessToken: answer.accessToken, refreshToken: answer.refreshToken });
      state.user = answer.user;
      state.restored = true;
      return answer.user;
    },
    async signOut() {
      const refreshToken = tokens.get()?.refreshToken;
      if (refreshToken) await api.logout(refreshToken).catch(() => undefined);
      tokens.set(null);
    },
    restore() {
      restoring ??= (async () => {
        if (tokens.get()) state.user = await api.me().catch(() => null);
        if (!state.user) tokens.set(null);
        state.restored = true;
      })();
      return restoring;
    },
    hasRole(...roles) {
      return state.user !== null && roles.some((role) => state.user!.roles.includes(role));
    },
  };
}
