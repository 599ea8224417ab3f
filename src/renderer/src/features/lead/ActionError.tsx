import { Alert } from '../../components/Alert';
import { useLeadStore } from '../../state/lead-store';

type Action = 'tags' | 'note' | 'move' | 'unsubscribe';

/** The failure of one lead action, shown next to that action's controls. */
export function ActionError({ action }: { action: Action }) {
  const error = useLeadStore((state) => (state.actionError?.action === action ? state.actionError : null));
  return <Alert message={error?.message} detail={error?.detail} />;
}
