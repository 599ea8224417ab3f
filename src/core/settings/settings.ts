import { z } from 'zod';
import { defaultDesktopSettings, desktopSettingsSchema } from '../../shared/contract/tray-schemas';
import { accountSummarySchema, DEFAULT_TIMEZONE, demoProviderSchema } from '../../shared/domain';

/**
 * Non-secret settings, stored as JSON. Secrets never live here: they go through SecretStore
 * (safeStorage-encrypted in Electron, a 0600 file in the Node hosts).
 */
export const settingsSchema = z.object({
  account: accountSummarySchema.nullable().default(null),
  timezone: z.string().default(DEFAULT_TIMEZONE),
  /** Which link click-to-call opens: the softphone registered for tel:, sip: or callto:. */
  dialScheme: z.enum(['tel', 'sip', 'callto']).default('tel'),
  /** Whose simulator the Demo workspace runs on, as chosen in the app; null: the host's default. */
  demoProvider: demoProviderSchema.nullable().default(null).catch(null),
  /**
   * Tray and desktop: who I am on the dashboard, daily goals, refresh interval, notifications
   * (quiet hours, do-not-disturb), start minimized, launch at login. A bad value falls back to
   * its own default without touching the rest.
   */
  desktop: desktopSettingsSchema.default(defaultDesktopSettings).catch(defaultDesktopSettings),
});
export type Settings = z.infer<typeof settingsSchema>;

export interface SettingsStore {
  read(): Settings;
  update(patch: Partial<Settings>): Settings;
  readonly path: string;
}

/**
 * The storage both hosts' stores are built on: electron-store in Electron, `conf` in Node.
 * They share this minimal surface (electron-store is a thin layer over conf).
 */
export interface KeyValueFile {
  readonly store: Record<string, unknown>;
  set(values: Record<string, unknown>): void;
  readonly path: string;
}

/**
 * Reads through the schema every time, so a hand-edited or half-written file degrades to
 * defaults field by field instead of crashing start-up.
 */
export function createSettingsStore(file: KeyValueFile): SettingsStore {
  const read = (): Settings => {
    const parsed = settingsSchema.safeParse(file.store);
    return parsed.success ? parsed.data : settingsSchema.parse({});
  };
  return {
    path: file.path,
    read,
    update(patch) {
      const next = settingsSchema.parse({ ...read(), ...patch });
      file.set(next);
      return next;
    },
  };
}
