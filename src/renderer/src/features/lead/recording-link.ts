/**
 * A recording URL the timeline may play inline: https anywhere, or http on this machine's
 * loopback (the simulators). Anything else (javascript:, data:, other http) yields null.
 */
export function playableRecordingUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' && url.hostname !== '') return url.href;
    if (url.protocol === 'http:' && url.hostname === '127.0.0.1') return url.href;
    return null;
  } catch {
    return null;
  }
}
