import { Link } from 'wouter';
import { Page } from '../components/ui.tsx';
import { useOptionalOrg } from '../org.tsx';

export function NotFound({ what }: { what: string }) {
  const page = (
    <Page title="Not found" narrow>
      <p>We could not find {what}. It may have moved, or you may not have access to it.</p>
      <p>
        <Link href="/">Go to your dashboard</Link>
      </p>
    </Page>
  );
  // Inside an organisation the Shell holds the page in <main>; outside it (an unknown organisation or
  // address) this is the whole page.
  return useOptionalOrg() ? (
    page
  ) : (
    <main className="page" id="main">
      {page}
    </main>
  );
}
