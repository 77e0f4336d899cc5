// Document bytes, stored once by SHA-256 under documents/ab/cdef…; the database keeps the metadata.
// Content addressing makes a write idempotent and a corrupted file detectable on read.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ProbityError } from '../kernel/errors.ts';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function blobPath(documentsDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256))
    throw new ProbityError('PRB_NOT_FOUND', `no document with hash ${sha256}`);
  return join(documentsDir, sha256.slice(0, 2), sha256.slice(2));
}

export async function putBlob(documentsDir: string, bytes: Uint8Array): Promise<string> {
  const sha256 = sha256Hex(bytes);
  const path = blobPath(documentsDir, sha256);
  try {
    await stat(path);
    return sha256;
  } catch {
    // not there yet
  }
  await mkdir(join(documentsDir, sha256.slice(0, 2)), { recursive: true });
  // Write beside, then rename: a reader never sees half a file.
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, bytes, { mode: 0o600 });
  await rename(tmp, path);
  return sha256;
}

export async function readBlob(documentsDir: string, sha256: string): Promise<Buffer> {
  const bytes = await readFile(blobPath(documentsDir, sha256)).catch(() => {
    throw new ProbityError('PRB_DOCUMENT_MISSING', `The stored bytes of document ${sha256} are missing.`);
  });
  if (sha256Hex(bytes) !== sha256) {
    throw new ProbityError(
      'PRB_DOCUMENT_CORRUPT',
      `The stored bytes of document ${sha256} no longer match their hash: the file was altered on disk.`,
    );
  }
  return bytes;
}
