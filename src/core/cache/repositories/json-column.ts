import { CacheStorageError } from '../storage-error';

/** JSON the cache wrote itself; unreadable JSON here means the file was damaged. */
export function parseJsonColumn<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new CacheStorageError('corrupt', `The cache holds unreadable JSON in ${what}.`, { cause: error });
  }
}
