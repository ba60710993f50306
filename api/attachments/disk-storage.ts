import { createReadStream } from 'node:fs';
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { AttachmentStorage } from './attachment-storage.js';

const safeId = /^[A-Za-z0-9-]+$/;

function fileOf(directory: string, id: string): string {
  if (!safeId.test(id)) throw new Error(`not an attachment id: ${id}`);
  return path.join(directory, id.slice(0, 2), id);
}

/** Attachments as files under a directory (the data directory's `attachments/`). */
export function diskStorage(directory: string): AttachmentStorage {
  return {
    async save(id, content) {
      const file = fileOf(directory, id);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content, { flag: 'wx' });
    },
    async open(id) {
      const file = fileOf(directory, id);
      await access(file);
      return createReadStream(file) as Readable;
    },
    async remove(id) {
      await rm(fileOf(directory, id), { force: true });
    },
  };
}
