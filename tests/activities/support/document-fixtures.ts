import { createDocumentIssuer } from '../../../activities/documents/create-document-issuer.js';
import { developmentSigningIdentity, type SigningIdentity } from '../../../activities/documents/signing-identity.js';
import { createStore, type Store } from '../../../store/store.js';
import { connectTestStore } from '../../support/store.js';

let identity: SigningIdentity | undefined;

/** One development certificate per test file (RSA key generation takes a moment). */
export function testSigningIdentity(): SigningIdentity {
  return (identity ??= developmentSigningIdentity('UBND xa Viet Hung (thu nghiem)'));
}

export function testDocumentIssuer(store: Store) {
  return createDocumentIssuer({
    store,
    identity: testSigningIdentity(),
    letterhead: async () => ({ parent: 'UBND huyện Đông Anh', agency: 'UBND xã Việt Hùng', place: 'Việt Hùng' }),
  });
}

/** A dossier as the API's intake writes it. */
export async function seedDossier(store: Store, code: string, overrides: Record<string, unknown> = {}): Promise<void> {
  await store.procedures.create({ _id: 'dang-ky-ho-kinh-doanh', name: 'Đăng ký thành lập hộ kinh doanh', agencyId: 'ubnd-xa', currentVersion: 1, retired: false, updatedAt: new Date() } as never).catch(() => undefined);
  await store.dossiers.create({
    _id: code,
    procedureCode: 'dang-ky-ho-kinh-doanh',
    procedureVersion: 1,
    planHash: 'h',
    calendarHash: 'c',
    agencyId: 'ubnd-xa',
    channel: 'online',
    applicant: { name: 'Nguyễn Thị Hường', idNumber: '001190012345', email: 'huong@example.vn', phone: '0912345678', address: 'Thôn Đoài, xã Việt Hùng' },
    status: 'received',
    // Thu 12 Feb 2026 10:00 in Hà Nội; due Thu 26 Feb 2026 17:00.
    receivedAt: new Date('2026-02-12T03:00:00Z'),
    dueAt: new Date('2026-02-26T10:00:00Z'),
    overdue: false,
    currentSteps: [],
    supplementationCount: 0,
    sequence: 0,
    updatedAt: new Date(),
    ...overrides,
  });
}

/** A store of its own holding the dossier `code`, and how to drop it. */
export async function storeWithDossier(code: string): Promise<{ store: Store; dispose: () => Promise<void> }> {
  const testStore = await connectTestStore();
  const store = createStore(testStore.connection);
  await store.ensureIndexes();
  await seedDossier(store, code);
  return { store, dispose: testStore.dispose };
}
