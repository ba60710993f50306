import multer from 'multer';
import type { RequestHandler } from 'express';
import { Problem } from '../http/problem.js';
import type { ApiSettings } from '../settings.js';

/**
 * Reads multipart/form-data into memory within the configured limits: the JSON field `data` and up
 * to `maxFiles` files in `field`, each at most `maxFileBytes` and of an allowed type.
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
    reader(request, response, next);
  };
}

/** Files multer read for this request. */
export function uploadedFiles(request: { files?: unknown }): Express.Multer.File[] {
  return Array.isArray(request.files) ? (request.files as Express.Multer.File[]) : [];
}
