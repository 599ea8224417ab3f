import { parseLenientJson } from './lenient-json';

/** What a body turned out to be; which error each kind means depends on the status (answer.ts). */
export type DecodedBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'empty' }
  | { kind: 'html' }
  /** Starts like JSON but is not, even leniently: cut off in transit, or broken at the source. */
  | { kind: 'truncated' }
  | { kind: 'text' };

const HTML_START = /^<(?:!doctype\s+html|html|head|body|title|\?xml|h1|p|div|center)\b/i;

/**
 * The text decides, not the content type. Strict JSON first; with `lenient`, the object-literal
 * spelling some docs print (unquoted keys, trailing commas) second.
 */
export function decodeBody(text: string, contentType: string, options: { lenient?: boolean } = {}): DecodedBody {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(trimmed) as unknown };
  } catch {
    // Not strict JSON: maybe the doc's object-literal spelling, maybe HTML, maybe cut off.
  }
  const first = trimmed[0];
  if (first === '{' || first === '[') {
    if (!options.lenient) return { kind: 'truncated' };
    try {
      return { kind: 'json', value: parseLenientJson(trimmed) };
    } catch {
      return { kind: 'truncated' };
    }
  }
  if (HTML_START.test(trimmed) || /<\/?html[\s>]/i.test(trimmed) || /\btext\/html\b/i.test(contentType)) {
    return { kind: 'html' };
  }
  return { kind: 'text' };
}
