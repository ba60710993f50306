import { fileTypeFromBuffer } from 'file-type';
import multer from 'multer';
import type { RequestHandler } from 'express';
import { Problem } from '../http/problem.js';
import type { ApiSettings } from '../settings.js';

/**
 * Each file must be what it says it is: not empty, and its content's signature (magic bytes, read
 * by file-type) that of the type it is labelled with, so HTML sent as a PDF is refused.
 */
async function checkContents(files: Express.Multer.File[]): Promise<void> {
  for (const file of files) {
    if (file.size === 0) throw new Problem(422, 'empty-file', `${file.originalname} is empty`);
    const detected = await fileTypeFromBuffer(file.buffer);
    if (detected?.mime !== file.mimetype) {
      throw new Problem(415, 'content-type-mismatch', `${file.originalname} is labelled ${file.mimetype} but its content is ${detected ? detected.mime : 'of no accepted type'}`);
    }
  }
}

/**
 * Reads multipart/form-data into memory within the configured limits: the JSON field `data` and up
 * to `maxFiles` files in `field`, each at most `maxFileBytes`, of an allowed type, and typed by its
 * content as it is labelled.
 */
export function multipartReader(uploads: ApiSettings['uploads'], field: string): RequestHandler {
  const reader = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: uploads.maxFileBytes, files: uploads.maxFiles, fields: 5, fieldSize: 1024 * 1024, parts: uploads.maxFiles + 5 },
    fileFilter: (_request, file, accept) => {
      if (uploads.allowedTypes.includes(file.mimetype)) return accept(null, true);
      accept(new Problem(415, 'unsupported-file-type', `${file.originalname}: ${file.mimetype} is not accepted (accepted: ${uploads.allowedTypes.join(', ')})`));
    },
  }).array(field, uploads.maxFiles);
  return (request, response, next) => {
    if (!request.is('multipart/form-data')) return next(new Problem(415, 'multipart-required', 'send multipart/form-data: a JSON field "data" and the files'));
    reader(request, response, (error?: unknown) => {
      if (error) return next(error);
      checkContents(uploadedFiles(request)).then(() => next(), next);
    });
  };
}

/** Files multer read for this request. */
export function uploadedFiles(request: { files?: unknown }): Express.Multer.File[] {
  return Array.isArray(request.files) ? (request.files as Express.Multer.File[]) : [];
}
