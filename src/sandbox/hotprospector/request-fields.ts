/**
 * Turns a request into the field bag a PHP controller would see. The V1 docs say the code
 * "accepts form/request fields and a Data wrapper containing JSON", so the sandbox reads:
 * a JSON body (whatever the Content-Type says, as php://input readers do), a form body with
 * PHP bracket syntax (tagId[]=1, leads_array[0][phone]=...), query-string fields (PHP's
 * $_REQUEST), and a `Data` field holding the real payload as JSON text or an object.
 */

export type Fields = Record<string, unknown>;

export function parseRequestFields(body: string, query: URLSearchParams): Fields {
  const fields: Fields = { ...parsePhpForm(query) };
  const trimmed = body.trim();
  if (trimmed.startsWith('{')) {
    const parsed = tryJson(trimmed);
    if (isRecord(parsed)) Object.assign(fields, parsed);
  } else if (trimmed !== '') {
    Object.assign(fields, parsePhpForm(new URLSearchParams(trimmed)));
  }
  const data = fields.Data;
  const unwrapped = typeof data === 'string' ? tryJson(data) : data;
  if (isRecord(unwrapped)) {
    delete fields.Data;
    Object.assign(fields, unwrapped);
  }
  return fields;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A scalar field as trimmed text ("" for anything else), the way PHP string-compares it. */
export function fieldText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** PHP's parse_str: "a[b][]=1" becomes { a: { b: ["1"] } }; sequential numeric keys become arrays. */
export function parsePhpForm(params: URLSearchParams): Fields {
  const root: Fields = {};
  for (const [name, value] of params) {
    const path = bracketPath(name);
    let node: Record<string, unknown> = root;
    for (let i = 0; i < path.length; i++) {
      let key = path[i] as string;
      const last = i === path.length - 1;
      if (key === '') key = String(Object.keys(node).length);
      if (last) {
        node[key] = value;
      } else {
        const next = node[key];
        if (!isRecord(next)) node[key] = {};
        node = node[key] as Record<string, unknown>;
      }
    }
  }
  return listify(root) as Fields;
}

function bracketPath(name: string): string[] {
  const open = name.indexOf('[');
  if (open <= 0 || !name.endsWith(']')) return [name];
  const head = name.slice(0, open);
  const rest = name.slice(open + 1, -1).split('][');
  return [head, ...rest];
}

function listify(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  for (const key of keys) value[key] = listify(value[key]);
  const sequential = keys.length > 0 && keys.every((k, i) => k === String(i));
  return sequential ? keys.map((k) => value[k]) : value;
}

/**
 * Typed reads over the field bag, forgiving in the way PHP is: numbers arrive as strings or
 * numbers, lists as arrays, comma-separated text or JSON text.
 */
export class Params {
  constructor(readonly fields: Fields) {}

  has(key: string): boolean {
    const v = this.fields[key];
    return v !== undefined && v !== null && v !== '';
  }

  str(key: string): string {
    const v = this.fields[key];
    return Array.isArray(v) ? v.map(String).join(',') : fieldText(v);
  }

  /** An integer, or `fallback` when missing or not a number. */
  int(key: string, fallback: number): number {
    const text = this.str(key);
    if (text === '') return fallback;
    const n = Number(text);
    return Number.isFinite(n) ? Math.trunc(n) : fallback;
  }

  /** An id: a positive integer, or null when missing or malformed. */
  id(key: string): number | null {
    const text = this.str(key);
    return /^\d+$/.test(text) ? Number(text) : null;
  }

  bool(key: string): boolean {
    const v = this.fields[key];
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v !== 0;
    return ['1', 'true', 'yes', 'on'].includes(this.str(key).toLowerCase());
  }

  /** "5,12,18", [5, 12, 18], 5 or "[5,12]" → ["5", "12", "18"]. */
  list(key: string): string[] {
    const v = this.fields[key];
    let items: unknown[];
    if (Array.isArray(v)) items = v;
    else if (typeof v === 'string' && v.trim().startsWith('[')) {
      const parsed = tryJson(v);
      items = Array.isArray(parsed) ? parsed : [v];
    } else if (typeof v === 'string') items = v.split(',');
    else if (typeof v === 'number') items = [v];
    else items = [];
    return items.map((x) => (typeof x === 'string' ? x.trim() : String(x))).filter((x) => x !== '');
  }

  /** An array of objects, sent as a JSON array, a JSON string or PHP form brackets. */
  records(key: string): unknown[] | null {
    const v = this.fields[key];
    const value = typeof v === 'string' ? tryJson(v) : v;
    return Array.isArray(value) ? value : null;
  }
}
