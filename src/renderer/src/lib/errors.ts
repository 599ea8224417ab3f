import { isCallsideError } from '../../../shared/errors';

const FALLBACK = 'Callside could not do that. Try again in a moment.';
const MAX_LENGTH = 240;

/** What an agent reads, and the technical wording one click away where the two differ. */
export interface AgentError {
  message: string;
  detail: string | null;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]?.trim() ?? '';
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}

/**
 * Failures of the wire ("answered GET /leads with an HTML page instead of data (HTTP 200)") are
 * true but mean nothing to an agent: they become what it means for the agent's work, and the
 * wording core gave stays available as the detail. Everything else core already words for
 * people (a refused key, a missing lead, what a provider cannot do) and is shown as it is.
 */
function sentenceFor(code: string, provider: string): string | null {
  switch (code) {
    case 'network':
      return `Callside cannot reach ${provider} right now. What you change is kept and sent when it is back.`;
    case 'timeout':
      return `${provider} is taking too long to answer. Try again in a moment.`;
    case 'malformed':
      return `${provider} sent something Callside could not read. Try again; if it keeps happening, check the API address in Settings.`;
    case 'remote':
      return `${provider} had a problem on its side. Try again in a moment.`;
    case 'internal':
      return FALLBACK;
    default:
      return null;
  }
}

/** The workspace's provider as an agent reads it; the workspace store tells it (no import cycle). */
let providerName: () => string | null = () => null;
export function nameProviderForErrors(source: () => string | null): void {
  providerName = source;
}

export function describeError(error: unknown): AgentError {
  if (!isCallsideError(error)) return { message: FALLBACK, detail: null };
  const said = firstLine(error.message);
  const provider = providerName() ?? 'The provider';
  const sentence = sentenceFor(error.code, provider);
  if (sentence) return { message: sentence, detail: said || null };
  return { message: said || FALLBACK, detail: null };
}

/** One short sentence for the agent (see describeError); never stack text, bounded in length. */
export function messageOf(error: unknown): string {
  return describeError(error).message;
}
