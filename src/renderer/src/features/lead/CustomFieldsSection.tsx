import type { Lead } from '../../../../shared/domain';
import { humanize } from '../../lib/format';

export function CustomFieldsSection({ lead }: { lead: Lead }) {
  const fields = Object.entries(lead.customFields).filter(([, value]) => value.trim() !== '');
  if (fields.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="custom-fields-title">
      <h3 id="custom-fields-title">Custom fields</h3>
      <dl className="facts">
        {fields.map(([name, value]) => (
          <div key={name} className="fact">
            <dt>{humanize(name)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
