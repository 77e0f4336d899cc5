// The person's deadline reminders on the dashboard: what the reminder job told them about, latest per
// record, while the record is still open and due on that date (GET /api/v1/me/reminders). The words
// are the server's, as of the organisation's today: "due in 7 days", "9 days overdue — escalated".
import { Link } from 'wouter';
import { qs } from '../api.ts';
import { formatDateTime } from '../format.ts';
import type { OrgState } from '../org.tsx';
import { useApi } from '../use-api.ts';
import { recordPath } from './RecordTitle.tsx';
import { recordWhere } from './record-meta.ts';
import { Badge, DateText, Empty, ErrorNote, Loading } from './ui.tsx';

export interface MyReminder {
  seq: number;
  sentAt: string;
  stage: string;
  escalated: boolean;
  dueOn: string;
  /** As of today; negative once overdue. */
  daysLeft: number;
  words: string;
  record: { id: string; title: string; pack: string; kind: string; state: string; unitId: string | null };
}

function tone(r: MyReminder): string {
  if (r.daysLeft < 0) return 'danger';
  return r.daysLeft <= 1 ? 'warn' : 'info';
}

export function RemindersPanel({ org }: { org: OrgState }) {
  const { data, error, loading } = useApi<{ today: string; reminders: MyReminder[] }>(
    `/api/v1/me/reminders${qs({ org: org.slug })}`,
  );
  const list = data?.reminders ?? [];
  return (
    <section aria-labelledby="reminders-heading" className="reminders">
      <h2 id="reminders-heading">Reminders for you</h2>
      <ErrorNote error={error} />
      {!data && loading ? (
        <Loading what="your reminders" />
      ) : list.length === 0 ? (
        !error && (
          <Empty title="No reminders for you.">
            <p>
              When a record you can act on falls due within a week, is due, or is overdue, it is listed here
              (and kept for 30 days while it still applies).
            </p>
          </Empty>
        )
      ) : (
        <ul className="record-items" aria-label="Your reminders">
          {list.map((r) => (
            <li key={r.seq}>
              <div className="item-title">
                <Link href={recordPath(org, r.record.id)}>{r.record.title}</Link>{' '}
                <Badge tone={tone(r)}>{r.words}</Badge>
              </div>
              <div className="item-meta">
                {recordWhere(org.packs, r.record)} · due <DateText date={r.dueOn} /> · reminded{' '}
                <time dateTime={r.sentAt}>{formatDateTime(r.sentAt)}</time>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
