import type { Readable } from 'node:stream';
import mongoose from 'mongoose';
import type { AttachmentStorage } from './attachment-storage.js';

/** Attachments in the store itself (GridFS bucket `attachments`), so one backup holds everything. */
export function gridFsStorage(db: mongoose.mongo.Db): AttachmentStorage {
  const bucket = new mongoose.mongo.GridFSBucket(db, { bucketName: 'attachments' });
  return {
    save: (id, content, contentType) =>
      new Promise((resolve, reject) => {
        const upload = bucket.openUploadStreamWithId(id as never, id, { metadata: { contentType } });
        upload.once('error', reject).once('finish', () => resolve());
        upload.end(content);
      }),
    async open(id) {
      const [file] = await bucket.find({ _id: id as never }).limit(1).toArray();
      if (!file) throw new Error(`no attachment ${id}`);
      return bucket.openDownloadStream(id as never) as Readable;
    },
    async remove(id) {
      await bucket.delete(id as never).catch(() => undefined);
    },
  };
}
