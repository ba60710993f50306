import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Component, Plugin } from 'vue';
import type { MotcuaApi } from '../../../designer/src/api/motcua-api.js';
import { createAppI18n } from '../../../designer/src/i18n/i18n.js';
import type { Session } from '../../../designer/src/session/session.js';
import { sessionKey } from '../../../designer/src/session/use-session.js';

/** An event stream that never sends: pages under test get their data from the fake API only. */
class SilentEventSource extends EventTarget {
  readyState = 1;
  close() {}
}

/** Replaces EventSource for every test of the file, so live updates stay quiet. */
export function silenceLiveUpdates(): void {
  beforeEach(() => vi.stubGlobal('EventSource', SilentEventSource));
  afterEach(() => vi.unstubAllGlobals());
}

/**
 * Mounts a page (or a part of one, given its `props`) as `userId` signed in, its API calls answered by `api` (the methods the page uses);
 * `plugins`: more the page needs, such as a router for a page that keeps its state in the address.
 */
export function mountPage(page: Component, api: object, userId: string, stubs: Record<string, boolean> = {}, props: Record<string, unknown> = {}, plugins: Plugin[] = []) {
  const session = { api: api as unknown as MotcuaApi, state: { user: { id: userId } } } as unknown as Session;
  return mount(page, { props, global: { plugins: [createAppI18n(undefined), ...plugins], provide: { [sessionKey as symbol]: session }, stubs: { RouterLink: true, ...stubs } } });
}
