import { useState } from 'react';
import type { Activity } from '../../../../shared/domain';
import { bridge } from '../../bridge';
import { Alert } from '../../components/Alert';
import { messageOf } from '../../lib/errors';
import { playableRecordingUrl } from './recording-link';

/**
 * A recording whose link expires (signed links): never shown as a link, which may be stale by
 * the time it is clicked. "Play recording" asks main for a link that plays now (the cached one
 * while it has time left, else a fresh one from the provider), then plays it here.
 */
export function RecordingPlayer({ activity }: { activity: Activity }) {
  const [state, setState] = useState<{ status: 'idle' | 'loading' | 'ready' | 'failed'; url?: string; error?: string }>(
    { status: 'idle' },
  );

  const play = async () => {
    setState({ status: 'loading' });
    try {
      const link = await bridge.invoke('lead.recording', { leadId: activity.leadId, activityId: activity.id });
      const url = playableRecordingUrl(link.url);
      setState(
        url
          ? { status: 'ready', url }
          : { status: 'failed', error: 'The provider gave a recording link Callside will not open.' },
      );
    } catch (error) {
      setState({ status: 'failed', error: messageOf(error) });
    }
  };

  if (state.status === 'ready' && state.url) {
    return (
      <audio className="recording-player" controls autoPlay preload="auto" src={state.url} aria-label="Recording" />
    );
  }
  return (
    <span className="recording">
      <button type="button" onClick={() => void play()} disabled={state.status === 'loading'}>
        {state.status === 'loading' ? 'Getting recording…' : 'Play recording'}
      </button>
      <Alert message={state.error} />
    </span>
  );
}
