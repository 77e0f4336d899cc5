// Every record the user may read, across the installed packs: one list, filtered from its URL.
import { canCreateRecords, NewRecordLinks } from '../components/NewRecordLinks.tsx';
import { RecordList } from '../components/RecordList.tsx';
import { allKinds } from '../components/record-meta.ts';
import { Page } from '../components/ui.tsx';
import { useOrg } from '../org.tsx';

export default function Records() {
  const org = useOrg();
  return (
    <Page
      title="Records"
      subtitle="Everything your organisation keeps under its policy packs. Filter, sort and download the list; open a record to see its findings and history."
      actions={
        canCreateRecords(org) &&
        (allKinds(org.packs).length <= 2 ? (
          <NewRecordLinks variant="buttons" />
        ) : (
          // Many kinds: a disclosure keeps the header short.
          <details className="menu-disclosure">
            <summary className="button primary">New record</summary>
            <div className="menu-panel">
              <NewRecordLinks />
            </div>
          </details>
        ))
      }
    >
      <RecordList label="All records" />
    </Page>
  );
}
