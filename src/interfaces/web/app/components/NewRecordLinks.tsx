// "New <record kind>" links, for those who may create records: empty lists and the pack page point
// people to the form rather than leaving them at a dead end.
import { Link } from 'wouter';
import { useOrg } from '../org.tsx';
import { allKinds } from './record-meta.ts';

export function newRecordPath(org: { path(sub?: string): string }, pack: string, kind: string): string {
  return org.path(`/records/new?pack=${encodeURIComponent(pack)}&kind=${encodeURIComponent(kind)}`);
}

/** 'Petty-cash disbursement' → 'petty-cash disbursement', but 'GAO audit' stays as it is. */
export function sentenceCase(title: string): string {
  return /^[A-Z][a-z]/.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
}

/** One link per record kind (of one pack when given); nothing when the user may not create records. */
export function NewRecordLinks({
  pack,
  variant = 'list',
}: {
  pack?: string;
  /** 'list': a bulleted list naming each pack; 'buttons': a row of buttons (one pack's page). */
  variant?: 'list' | 'buttons';
}) {
  const org = useOrg();
  if (!canCreateRecords(org, pack)) return null;
  const kinds = allKinds(org.packs, pack);
  if (variant === 'buttons') {
    return (
      <>
        {kinds.map(({ pack: p, kind }) => (
          <Link
            key={`${p.id}/${kind.id}`}
            href={newRecordPath(org, p.id, kind.id)}
            className="button primary"
          >
            New {sentenceCase(kind.title)}
          </Link>
        ))}
      </>
    );
  }
  return (
    <ul className="link-list">
      {kinds.map(({ pack: p, kind }) => (
        <li key={`${p.id}/${kind.id}`}>
          <Link href={newRecordPath(org, p.id, kind.id)}>New {sentenceCase(kind.title)}</Link>
          {!pack && <span className="muted"> — {p.title}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Whether NewRecordLinks would show anything. */
export function canCreateRecords(org: ReturnType<typeof useOrg>, pack?: string): boolean {
  return org.can('records.write') && allKinds(org.packs, pack).length > 0;
}

/** What an empty record list (or dashboard) says: how to create the first record, or who will. */
export function NoRecordsYet({ pack }: { pack?: string | undefined }) {
  const org = useOrg();
  if (!canCreateRecords(org, pack)) {
    return <p>Records appear here once someone in your organisation creates them.</p>;
  }
  return (
    <>
      <p>Create the first one from a policy pack:</p>
      <NewRecordLinks {...(pack ? { pack } : {})} />
    </>
  );
}
