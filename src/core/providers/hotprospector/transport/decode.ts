/**
 * What a Hot Prospector body turned out to be. Classification only: deciding which error a
 * kind means (it depends on the HTTP status) lives in answer.ts.
 */
export type DecodedBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'empty' }
  /** PHP `print_r` output from the router; `message` is its `[message] =>` line, if any. */
  | { kind: 'php'; message: string | null }
  | { kind: 'html' }
  /** Starts like JSON but does not parse: cut off in transit or by a crashing script. */
  | { kind: 'truncated' }
  | { kind: 'text' };

const PHP_ARRAY = /^Array\s*\(/;
const PHP_MESSAGE = /\[message\]\s*=>\s*([^\r\n]*)/;
const HTML_START = /^<(?:!doctype\s+html|html|head|body|title|\?xml|h1|p|div|center)\b/i;

/**
 * The content type is only a hint: the server labels JSON as text/html at times, so the text
 * decides. JSON is tried first whatever the header says.
 */
export function decodeBody(text: string, contentType: string): DecodedBody {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { kind: 'empty' };

  const first = trimmed[0];
  if (first === '{' || first === '[' || first === '"') {
    try {
      return { kind: 'json', value: JSON.parse(trimmed) as unknown };
    } catch {
      return { kind: 'truncated' };
    }
  }
  if (PHP_ARRAY.test(trimmed)) {
    const message = PHP_MESSAGE.exec(trimmed)?.[1]?.trim();
    return { kind: 'php', message: message ? message : null };
  }
  if (HTML_START.test(trimmed) || /<\/?html[\s>]/i.test(trimmed) || /\btext\/html\b/i.test(contentType)) {
    return { kind: 'html' };
  }
  try {
    // Bare scalars (`true`, `0`) are valid JSON; the normalizers decide whether they mean anything.
    return { kind: 'json', value: JSON.parse(trimmed) as unknown };
  } catch {
    return { kind: 'text' };
  }
}
