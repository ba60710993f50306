import type { SystemRole } from '../../store/identity/user-model.js';
import type { ApiStore } from '../api-store.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';

/** The demo password of every seeded account (README: "Demo accounts"). */
export const demoPassword = 'motcua-demo';

const agencies = [
  { _id: 'ubnd-tinh', name: 'UBND tỉnh (demo)', level: 'province' as const, code: '000.00.00.H56' },
  { _id: 'ubnd-xa', name: 'UBND xã (demo)', level: 'commune' as const, parentId: 'ubnd-tinh', code: '000.00.12.H56' },
];

const units = [
  { _id: 'bo-phan-mot-cua', agencyId: 'ubnd-xa', name: 'Bộ phận Một cửa' },
  { _id: 'phong-kinh-te', agencyId: 'ubnd-xa', name: 'Phòng Kinh tế', headUserId: 'hung' },
  { _id: 'lanh-dao-ubnd', agencyId: 'ubnd-xa', name: 'Lãnh đạo UBND' },
  { _id: 'tu-phap-ho-tich', agencyId: 'ubnd-xa', name: 'Tư pháp – Hộ tịch' },
];

const positions = [
  { _id: 'can-bo-mot-cua', name: 'Cán bộ một cửa' },
  { _id: 'chuyen-vien', name: 'Chuyên viên' },
  { _id: 'truong-phong', name: 'Trưởng phòng' },
  { _id: 'truong-bo-phan', name: 'Trưởng bộ phận' },
  { _id: 'lanh-dao', name: 'Lãnh đạo' },
  { _id: 'chu-tich', name: 'Chủ tịch' },
  { _id: 'cong-chuc-tu-phap', name: 'Công chức tư pháp – hộ tịch' },
];

interface SeedUser {
  username: string;
  name: string;
  roles: SystemRole[];
  positions?: string[];
  units?: string[];
  agencyId?: string;
}

const users: SeedUser[] = [
  { username: 'reformer', name: 'Nguyễn Cải Cách', roles: ['reformer'], agencyId: 'ubnd-xa' },
  { username: 'admin', name: 'Trần Quản Trị', roles: ['agency-admin'], agencyId: 'ubnd-xa' },
  { username: 'lan', name: 'Lê Thị Lan', roles: ['officer'], positions: ['chuyen-vien'], units: ['phong-kinh-te'], agencyId: 'ubnd-xa' },
  { username: 'minh', name: 'Phạm Văn Minh', roles: ['officer'], positions: ['chuyen-vien'], units: ['phong-kinh-te'], agencyId: 'ubnd-xa' },
  { username: 'mot-cua', name: 'Đỗ Thu Hà', roles: ['officer'], positions: ['can-bo-mot-cua'], units: ['bo-phan-mot-cua'], agencyId: 'ubnd-xa' },
  { username: 'hung', name: 'Vũ Mạnh Hùng', roles: ['supervisor'], positions: ['truong-phong'], units: ['phong-kinh-te'], agencyId: 'ubnd-xa' },
  { username: 'lanh-dao', name: 'Hoàng Văn Đạo', roles: ['officer'], positions: ['lanh-dao'], units: ['lanh-dao-ubnd'], agencyId: 'ubnd-xa' },
  { username: 'an', name: 'Nguyễn Văn An', roles: ['citizen'] },
  { username: 'kiem-toan', name: 'Bùi Kiểm Toán', roles: ['auditor'], agencyId: 'ubnd-xa' },
];

/** Adds the demo organisation and accounts where missing (idempotent; existing accounts are left as they are). */
export async function seedDemo(store: ApiStore): Promise<void> {
  const upsertAll = <T extends { _id: string }>(model: { updateOne(filter: object, update: object, options: object): unknown }, documents: T[]) =>
    Promise.all(documents.map((document) => model.updateOne({ _id: document._id }, { $setOnInsert: document }, { upsert: true })));
  await upsertAll(store.agencies, agencies);
  await upsertAll(store.units, units);
  await upsertAll(store.positions, positions);
  const passwordHash = await hashPassword(demoPassword);
  await upsertAll(
    store.users,
    users.map((user) => ({
      _id: user.username,
      username: user.username,
      name: user.name,
      passwordHash,
      roles: user.roles,
      positions: user.positions ?? [],
      units: user.units ?? [],
      ...(user.agencyId ? { agencyId: user.agencyId } : {}),
      disabled: false,
      createdAt: new Date(),
    })),
  );
}

/** Demo accounts present, enabled and still opened by the demo password (what production refuses). */
export async function openDemoAccounts(store: ApiStore): Promise<string[]> {
  const present = await store.users.find({ _id: { $in: users.map((user) => user.username) }, disabled: false }).lean();
  const open = await Promise.all(present.map(async (user) => (user.passwordHash && (await verifyPassword(user.passwordHash, demoPassword)) ? user._id : undefined)));
  return open.filter((id): id is string => id !== undefined).sort();
}
