// Every record the user may read, across the installed packs: one list, filtered from its URL.
import { Link, useSearch } from 'wouter';
import { qs } from '../api.ts';
import { canCreateRecords, NewRecordLinks } from '../components/NewRecordLinks.tsx';
import { RecordList } from '../components/RecordList.tsx';
import { allKinds } from '../components/record-meta.ts';
import { Page } from '../components/ui.tsx';
import { useOrg } from '../org.tsx';

export default function Records() {
  const org = useOrg();
  // The pack and kind the list is filtered to, if any, are where an import starts.
  const search = new URLSearchParams(useSearch());
  const importHref =
    org.path('/records/import') +
    qs({ pack: search.get('pack'), kind: search.get('pack') && search.get('kind') });
  return (
    <Page
      title="Records"
      subtitle="Everything your organisation keeps under its policy packs. Filter, sort and download the list; open a record to see its findings and history."
      actions={
        canCreateRecords(org) && (
          <>
            {allKinds(org.packs).length <= 2 ? (
              <NewRecordLinks variant="buttons" />
            ) : (
              // Many kinds: a disclosure keeps the header short.
              <details className="menu-disclosure">
                <summary className="button primary">New record</summary>
                <div className="menu-panel">
                  <NewRecordLinks />
                </div>
              </details>
            )}
            <Link href={importHref} className="button">
              Import CSV
            </Link>
          </>
        )
      }
    >
      <RecordList label="All records" />
    </Page>
  );
}
