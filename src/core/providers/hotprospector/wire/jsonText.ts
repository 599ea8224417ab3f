/**
 * Some answers carry JSON inside a string (FetchLeadFieldsName's `FieldsName`, transcripts'
 * `message_data_raw`, sometimes `Lead_Custom_Fields`). This opens such a string when it holds
 * an object or a list and leaves every other value alone.
 */
export function openJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!(text.startsWith('{') || text.startsWith('['))) return value;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
