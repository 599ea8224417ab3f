/**
 * What a legacy PHP backend prints besides clean JSON: print_r dumps from the router, json_encode's
 * default escaping, warnings echoed into the body, and framework error pages. Kept verbatim
 * because clients must recognise them, not because they are pretty.
 */

/** print_r of a flat associative array, formatted as PHP does (four-space indent, "=>"). */
export function printR(values: Record<string, string>): string {
  const lines = Object.entries(values).map(([k, v]) => `    [${k}] => ${v}`);
  return `Array\n(\n${lines.join('\n')}\n)\n`;
}

export const ROUTER_MISSING_METHOD = printR({
  message: 'Sorry you cannot access page, Please provide required details.',
});

export const ROUTER_UNKNOWN_METHOD = printR({
  message: 'Service you are trying to access is not available or provided information is incorrect!',
});

/**
 * json_encode without flags: "/" becomes "\/" and every non-ASCII UTF-16 unit becomes \uXXXX
 * (so emoji arrive as surrogate-pair escapes). Equivalent JSON, different bytes: clients that
 * sniff raw text instead of parsing it break here.
 */
export function phpJsonEncode(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A PHP warning echoed before the real output, as display_errors=On does. */
export function phpWarning(line: number): string {
  return (
    '<br />\n<b>Warning</b>:  Undefined array key "locationId" in ' +
    `<b>/var/www/html/application/controllers/Custom_api.php</b> on line <b>${line}</b><br />\n`
  );
}

/** The framework's database error page, sent with HTTP 200 in place of JSON. */
export const HTML_ERROR_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Database Error</title>
</head>
<body>
<div id="container">
<h1>A Database Error Occurred</h1>
<p>Error Number: 2006</p><p>MySQL server has gone away</p>
<p>Filename: models/Custom_api_model.php</p><p>Line Number: 331</p>
</div>
</body>
</html>
`;

/** What the reverse proxy in front of the PHP backend answers for an error status (shared). */
export { nginxErrorPage } from '../http';
