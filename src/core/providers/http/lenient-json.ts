/**
 * The Callingly doc prints some answers as JavaScript object literals rather than JSON: the calls
 * list has unquoted keys and a trailing comma (`{ data: [ { id: 12343, … recording_url: "…", } ] }`
 * [CL:110]), the call detail's `user` and the webhooks list end in `, }` / `}, ]` [CL:105, 137].
 * This reads those two liberties and nothing more: bare identifier keys are quoted, commas
 * before a closing bracket are dropped, and the result must then be valid JSON. The doc's other
 * breakages (a missing quote or colon, [CL:86, 91, 179]) still fail, as they should: no guess
 * at what was meant.
 */

const SPACE = /\s/;
const IDENT_START = /[A-Za-z_$]/;
const IDENT_PART = /[\w$]/;

function nextNonSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && SPACE.test(text[at] ?? '')) at += 1;
  return at;
}

/** Throws SyntaxError when the text is not JSON even with the two liberties. */
export function parseLenientJson(text: string): unknown {
  let out = '';
  let at = 0;
  while (at < text.length) {
    const ch = text[at] ?? '';
    if (ch === '"') {
      let end = at + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) throw new SyntaxError('Unterminated string.');
      out += text.slice(at, end + 1);
      at = end + 1;
    } else if (ch === ',') {
      const next = text[nextNonSpace(text, at + 1)];
      if (next !== '}' && next !== ']') out += ch;
      at += 1;
    } else if (IDENT_START.test(ch)) {
      let end = at + 1;
      while (end < text.length && IDENT_PART.test(text[end] ?? '')) end += 1;
      const word = text.slice(at, end);
      // A key: `id:`. Anything else (true, false, null, or a stray word) is left for JSON.parse to judge.
      out += text[nextNonSpace(text, end)] === ':' ? JSON.stringify(word) : word;
      at = end;
    } else {
      out += ch;
      at += 1;
    }
  }
  return JSON.parse(out) as unknown;
}
