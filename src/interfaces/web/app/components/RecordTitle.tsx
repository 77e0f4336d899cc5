// A record's title line in a short list (the dashboard's lists, the approvals inbox): its title linked
// to the record, its state, and how late it is when it is overdue.
import { Link } from 'wouter';
import { dueLabel } from '../format.ts';
import type { OrgState } from '../org.tsx';
import { Badge } from './ui.tsx';

/** The app path of a record. */
export function recordPath(org: Pick<OrgState, 'path'>, id: string): string {
  return org.path(`/records/${encodeURIComponent(id)}`);
}

export function RecordTitle({
  org,
  record: r,
  state,
  stateTone = 'info',
  today,
}: {
  org: Pick<OrgState, 'path'>;
  record: { id: string; title: string; dueOn: string | null; overdue?: boolean | undefined };
  state: string;
  stateTone?: string;
  today: string;
}) {
  return (
    <div className="item-title">
      <Link href={recordPath(org, r.id)}>{r.title}</Link> <Badge tone={stateTone}>{state}</Badge>
      {r.overdue && r.dueOn && (
        <>
          {' '}
          <Badge tone="danger">{dueLabel(r.dueOn, today)}</Badge>
        </>
      )}
    </div>
  );
}
