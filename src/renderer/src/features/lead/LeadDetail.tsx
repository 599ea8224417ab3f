import type { LeadView } from '../../lib/types';
import { useCapability } from '../../state/workspace-store';
import { CustomFieldsSection } from './CustomFieldsSection';
import { GroupSection } from './GroupSection';
import { LeadHeader } from './LeadHeader';
import { NotesSection } from './NotesSection';
import { ProfileSection } from './ProfileSection';
import { TagEditor } from './TagEditor';
import { Timeline } from './Timeline';
import { UnsubscribeSection } from './UnsubscribeSection';

/** What the agent works with (notes, history) on the wide side; the record itself beside it. */
export function LeadDetail({ view }: { view: LeadView }) {
  const { lead } = view;
  // What the provider cannot do is not offered (the bridge would refuse it at once anyway).
  const canMove = useCapability('groups.move');
  const canUnsubscribe = useCapability('leads.unsubscribe');
  // A phone system has no tags at all: no empty card saying so on every lead.
  const hasTags = useCapability('tags.read') || lead.tags.length > 0;
  return (
    <article className="lead-detail" aria-labelledby="lead-heading">
      <LeadHeader lead={lead} />
      <div className="lead-columns">
        <div className="lead-main">
          <NotesSection notes={view.notes} />
          <Timeline timeline={view.timeline} />
        </div>
        <div className="lead-side">
          {hasTags && <TagEditor lead={lead} />}
          <ProfileSection lead={lead} />
          <CustomFieldsSection lead={lead} />
          {canMove && <GroupSection lead={lead} />}
          {canUnsubscribe && <UnsubscribeSection lead={lead} />}
        </div>
      </div>
    </article>
  );
}
