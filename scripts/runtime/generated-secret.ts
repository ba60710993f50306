import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A development secret kept in the data directory: read when there, otherwise generated once and
 * written readable by its owner only, so sessions and encrypted payloads survive restarts.
 */
export async function generatedSecret(dataDir: string, file: string, generate: () => string): Promise<string> {
  const location = path.join(dataDir, file);
  const existing = await readFile(location, 'utf8').catch(() => undefined);
  if (existing?.trim()) return existing.trim();
  const secret = generate();
  await mkdir(dataDir, { recursive: true });
  await writeFile(location, secret, { mode: 0o600 });
  return secret;
}
