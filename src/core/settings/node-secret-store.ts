import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { CallsideError } from '../../shared/errors';
import { SECRET_NAMES, type SecretName, type SecretStore } from './secret-store';

const fileSchema = z.object({
  version: z.literal(1),
  secrets: z.partialRecord(z.enum(SECRET_NAMES), z.string()),
});
type SecretFile = z.infer<typeof fileSchema>;

const OWNER_ONLY = 0o600;

/**
 * The Node hosts' own secrets file. The desktop app keeps safeStorage ciphertext under another
 * name in the same folder: neither host can use the other's file, so sharing one name made each
 * read the other's as an unknown format.
 */
export const NODE_SECRETS_FILE = 'secrets-node.json';
/** The name both hosts used before; a Node-format file there is moved to ours once. */
const LEGACY_SECRETS_FILE = 'secrets.json';

/**
 * The Node hosts' secret store: one JSON file, mode 0600, rewritten atomically (temp file with
 * the same mode, then rename), so a crash mid-write leaves the old file rather than half of a
 * new one, and the key is never readable by other users even for an instant.
 */
export function createNodeSecretStore(dataDir: string): SecretStore {
  const path = join(dataDir, NODE_SECRETS_FILE);
  adoptLegacyFile(join(dataDir, LEGACY_SECRETS_FILE), path);

  const read = (): SecretFile => {
    if (!existsSync(path)) return { version: 1, secrets: {} };
    // Tighten a file someone loosened by hand before reading the secret out of it.
    if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, OWNER_ONLY);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw new CallsideError(
        'storage',
        `The secrets file ${path} is damaged; sign in again with "callside account add".`,
      );
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) {
      throw new CallsideError('storage', `The secrets file ${path} has an unknown format; sign in again.`);
    }
    return parsed.data;
  };

  const write = (file: SecretFile): void => {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(file), { mode: OWNER_ONLY });
    chmodSync(temp, OWNER_ONLY);
    renameSync(temp, path);
  };

  return {
    protection: 'file-0600',
    get: (name: SecretName) => read().secrets[name] ?? null,
    set(name, value) {
      const file = read();
      file.secrets[name] = value;
      write(file);
    },
    delete(name) {
      const file = read();
      delete file.secrets[name];
      write(file);
    },
    clear() {
      write({ version: 1, secrets: {} });
    },
  };
}

/**
 * Keeps an existing CLI user signed in: a `secrets.json` in this store's format is renamed to
 * the Node file. Anything else there (the desktop app's ciphertext, a damaged file) is not ours
 * and is left exactly as it is.
 */
function adoptLegacyFile(legacy: string, target: string): void {
  if (existsSync(target) || !existsSync(legacy)) return;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(legacy, 'utf8'));
  } catch {
    return;
  }
  if (!fileSchema.safeParse(raw).success) return;
  try {
    if (process.platform !== 'win32') chmodSync(legacy, OWNER_ONLY);
    renameSync(legacy, target);
  } catch {
    // Gone meanwhile (another process moved it): nothing to adopt.
  }
}
