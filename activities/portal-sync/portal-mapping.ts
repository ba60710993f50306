import type { DossierStatus } from '../../engine/dossier/dossier-status.js';
import type { Channel } from '../../store/dossiers/dossier-model.js';

/**
 * How MotCua's statuses and fields are written for the National Public Service Portal. The codes
 * are not fixed by an official text (DOMAIN.md), so they are versioned data: each payload names
 * the mapping version it was written with, and a new version is added beside the old, never edited.
 */
export interface PortalMapping {
  version: string;
  statusCodes: Record<DossierStatus, number>;
  channelCodes: Record<Channel, number>;
  /** Field names of the status payload. */
  fields: {
    dossierCode: string;
    status: string;
    receivedAt: string;
    appointmentAt: string;
    finishedAt: string;
    channel: string;
    sequence: string;
    mappingVersion: string;
  };
}

export const portalMappings: Record<string, PortalMapping> = {
  'tt04-2025.1': {
    version: 'tt04-2025.1',
    statusCodes: {
      received: 1,
      rejected: 3,
      processing: 4,
      'supplement-requested': 5,
      'payment-requested': 6,
      'withdrawal-requested': 7,
      stopped: 8,
      processed: 9,
      returned: 10,
    },
    channelCodes: { 'in-person': 1, online: 2, post: 3 },
    fields: {
      dossierCode: 'MaHoSo',
      status: 'TrangThaiHoSo',
      receivedAt: 'NgayTiepNhan',
      appointmentAt: 'NgayHenTra',
      finishedAt: 'NgayKetThucXuLy',
      channel: 'KenhThucHien',
      sequence: 'SoThuTuCapNhat',
      mappingVersion: 'PhienBanAnhXa',
    },
  },
};

export const defaultPortalMappingVersion = 'tt04-2025.1';

export function portalMapping(version: string): PortalMapping {
  const mapping = portalMappings[version];
  if (!mapping) throw new Error(`portal mapping "${version}" is unknown; known: ${Object.keys(portalMappings).join(', ')}`);
  return mapping;
}

/** yyyyMMddHHmmss in Vietnam time, the portal's date format. */
export function portalDate(instant: Date | undefined): string | null {
  if (!instant) return null;
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
