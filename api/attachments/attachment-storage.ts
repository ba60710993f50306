import type { Readable } from 'node:stream';

/** The storage seam for attachment bytes: GridFS in the store, or files under the data directory. */
export interface AttachmentStorage {
  save(id: string, content: Buffer, contentType: string): Promise<void>;
  /** The bytes of `id`; throws when there are none. */
  open(id: string): Promise<Readable>;
  remove(id: string): Promise<void>;
}
