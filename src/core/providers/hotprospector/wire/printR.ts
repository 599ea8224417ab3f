/**
 * The router answers a missing or unknown Method with PHP `print_r` output instead of JSON:
 *
 *   Array
 *   (
 *       [message] => Sorry you cannot access page, Please provide required details.
 *   )
 *
 * This pulls the message out so the error can say what the server said.
 */
export function readPrintRMessage(text: string): string | null {
  if (!/^\s*Array\s*\(/.test(text)) return null;
  const match = /\[message\]\s*=>\s*(.*)/.exec(text);
  return match ? (match[1] ?? '').trim() : '';
}
