import { open, stat } from 'node:fs/promises';

/**
 * An O(1) look at the file before SQLite opens it, because SQLite itself only notices a
 * truncated file when a query happens to touch a missing page. Format: sqlite.org/fileformat.html.
 */
export type FileVerdict =
  { state: 'absent' } | { state: 'empty' } | { state: 'ok' } | { state: 'damaged'; reason: string };

const HEADER_SIZE = 100;
const MAGIC = 'SQLite format 3\u0000';

export async function inspectDatabaseFile(path: string): Promise<FileVerdict> {
  const size = await fileSize(path);
  if (size === null) return { state: 'absent' };
  if (size === 0) return { state: 'empty' };
  if (size < HEADER_SIZE)
    return { state: 'damaged', reason: `it is only ${size} bytes, shorter than a database header` };

  const header = Buffer.alloc(HEADER_SIZE);
  const file = await open(path, 'r');
  try {
    await file.read(header, 0, HEADER_SIZE, 0);
  } finally {
    await file.close();
  }
  if (header.toString('latin1', 0, 16) !== MAGIC) return { state: 'damaged', reason: 'it is not an SQLite database' };

  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  // The page count is trustworthy only when the "version-valid-for" number matches the change counter.
  const countIsValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  const expected = pageCount * pageSize;
  // With a non-empty WAL the main file may legitimately lag behind: recovery finishes the checkpoint.
  const walSize = (await fileSize(`${path}-wal`)) ?? 0;
  if (countIsValid && pageCount > 0 && size < expected && walSize === 0) {
    return { state: 'damaged', reason: `it is truncated (${size} bytes; its header says ${expected})` };
  }
  return { state: 'ok' };
}

async function fileSize(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
