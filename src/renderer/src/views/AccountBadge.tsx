import type { AccountStatus } from '../../../shared/contract/channels';

export function AccountBadge({ status }: { status: AccountStatus }) {
  const label =
    status.mode === 'demo'
      ? 'Demo workspace'
      : status.mode === 'account' && status.account
        ? [status.account.provider, status.account.uid || status.account.accountId].filter(Boolean).join(' · ')
        : 'No account';
  return (
    <span className={`badge badge-${status.mode}`} role="status" aria-label={`Workspace: ${label}`}>
      {label}
    </span>
  );
}
