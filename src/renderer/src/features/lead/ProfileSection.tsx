import type { Lead } from '../../../../shared/domain';

/**
 * The lead's fields as plain text. The website in particular is never a link: it is provider
 * text and may be anything (javascript: included).
 */
export function ProfileSection({ lead }: { lead: Lead }) {
  const rows: Array<[string, string]> = [
    ['Email', lead.email],
    ['Company', lead.company],
    ['Website', lead.website],
    ['Address', lead.address],
    ['City', [lead.city, lead.state, lead.zip].filter(Boolean).join(', ')],
    ['Country code', lead.countryCode],
    ['Lead id', lead.id],
  ];
  const filled = rows.filter(([, value]) => value.trim() !== '');
  return (
    <section className="panel" aria-labelledby="profile-title">
      <h3 id="profile-title">Profile</h3>
      <dl className="facts">
        {filled.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
