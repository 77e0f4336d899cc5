// The route table. Every screen but sign-in needs a session; a user whose password is a one-time
// password sees only the password form until they change it. Screens load as separate chunks so the
// first load carries only the shell.
import { type ComponentType, lazy, Suspense } from 'react';
import { Redirect, Route, Switch, useLocation, useParams } from 'wouter';
import { Loading } from './components/ui.tsx';
import { Shell } from './layout/Shell.tsx';
import { OrgProvider } from './org.tsx';
import { ChangePasswordPage } from './pages/ChangePassword.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { SessionProvider, useSession } from './session.tsx';

// A screen's chunk, loaded on first use — or earlier by prefetch(). Once loaded it renders directly:
// a React.lazy component suspends on its first render even when its code is already here, and React
// holds a revealed Suspense boundary back for up to 300 ms, which the first screen would pay for.
// biome-ignore lint/suspicious/noExplicitAny: each page declares its own props (wouter's route props)
type PageComponent = ComponentType<any>;
interface Screen {
  component: PageComponent;
  prefetch(): Promise<unknown>;
}
function page(load: () => Promise<{ default: PageComponent }>): Screen {
  let loaded: PageComponent | undefined;
  const take = (m: { default: PageComponent }) => {
    loaded = m.default;
    return m;
  };
  const Lazy = lazy(() => load().then(take));
  // Made once per screen at module load, never during a render, so React sees one stable component.
  const component: PageComponent = (props: Record<string, unknown>) => {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  };
  return { component, prefetch: () => load().then(take) };
}

const screens = {
  dashboard: page(() => import('./pages/Dashboard.tsx')),
  records: page(() => import('./pages/Records.tsx')),
  record: page(() => import('./pages/RecordPage.tsx')),
  recordForm: page(() => import('./pages/RecordForm.tsx')),
  pack: page(() => import('./pages/Pack.tsx')),
  inbox: page(() => import('./pages/Inbox.tsx')),
  report: page(() => import('./pages/Report.tsx')),
  importRecords: page(() => import('./pages/ImportRecords.tsx')),
  screening: page(() => import('./pages/Screening.tsx')),
  source: page(() => import('./pages/Source.tsx')),
  profile: page(() => import('./pages/Profile.tsx')),
  users: page(() => import('./pages/admin/Users.tsx')),
  units: page(() => import('./pages/admin/Units.tsx')),
  parameters: page(() => import('./pages/admin/Parameters.tsx')),
  auditLog: page(() => import('./pages/admin/AuditLog.tsx')),
};
const Dashboard = screens.dashboard.component;
const Records = screens.records.component;
const RecordPage = screens.record.component;
const RecordForm = screens.recordForm.component;
const PackPage = screens.pack.component;
const InboxPage = screens.inbox.component;
const ReportPage = screens.report.component;
const ImportRecords = screens.importRecords.component;
const ScreeningPage = screens.screening.component;
const SourcePage = screens.source.component;
const Profile = screens.profile.component;
const AdminUsers = screens.users.component;
const AdminUnits = screens.units.component;
const AdminParameters = screens.parameters.component;
const AuditLog = screens.auditLog.component;

/** The screen a path inside an organisation shows ('/o/demo/records/x' → the record page). */
function screenFor(pathname: string): Screen | undefined {
  const m = /^\/o\/[^/]+(\/.*)?$/.exec(pathname);
  if (!m) return undefined;
  const rest = (m[1] ?? '/').replace(/\/$/, '') || '/';
  if (rest === '/') return screens.dashboard;
  if (rest === '/records') return screens.records;
  if (rest === '/records/import') return screens.importRecords;
  if (rest === '/records/new' || /^\/records\/[^/]+\/edit$/.test(rest)) return screens.recordForm;
  if (/^\/records\/[^/]+$/.test(rest)) return screens.record;
  if (/^\/packs\/[^/]+$/.test(rest)) return screens.pack;
  if (/^\/packs\/[^/]+\/sources\/[^/]+$/.test(rest)) return screens.source;
  if (/^\/packs\/[^/]+\/reports\/[^/]+$/.test(rest)) return screens.report;
  const named: Record<string, Screen> = {
    '/inbox': screens.inbox,
    '/screening': screens.screening,
    '/profile': screens.profile,
    '/admin/users': screens.users,
    '/admin/units': screens.units,
    '/admin/parameters': screens.parameters,
    '/admin/events': screens.auditLog,
  };
  return named[rest];
}

/**
 * Fetches the code of the screen at `pathname` at once (alongside the first API requests), and every
 * other screen's a little later, so no navigation waits for code and the first screen does not suspend.
 */
export function prefetchScreens(pathname: string): void {
  const first = screenFor(pathname);
  const rest = () => {
    for (const screen of Object.values(screens)) if (screen !== first) void screen.prefetch().catch(() => {});
  };
  if (first) void first.prefetch().then(() => setTimeout(rest, 1000), rest);
  else setTimeout(rest, 1000);
}

function OrgRoutes() {
  const { org } = useParams<{ org: string }>();
  const { me } = useSession();
  if (!me?.organisations.some((o) => o.slug === org)) return <NotFound what={`the organisation "${org}"`} />;
  return (
    <OrgProvider key={org} slug={org}>
      <Shell>
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/o/:org" component={Dashboard} />
            <Route path="/o/:org/records" component={Records} />
            <Route path="/o/:org/inbox" component={InboxPage} />
            <Route path="/o/:org/records/import" component={ImportRecords} />
            <Route path="/o/:org/screening" component={ScreeningPage} />
            <Route path="/o/:org/records/new" component={RecordForm} />
            <Route path="/o/:org/records/:id/edit" component={RecordForm} />
            <Route path="/o/:org/records/:id" component={RecordPage} />
            <Route path="/o/:org/packs/:pack" component={PackPage} />
            <Route path="/o/:org/packs/:pack/sources/:document" component={SourcePage} />
            <Route path="/o/:org/packs/:pack/reports/:report" component={ReportPage} />
            <Route path="/o/:org/admin/users" component={AdminUsers} />
            <Route path="/o/:org/admin/units" component={AdminUnits} />
            <Route path="/o/:org/admin/parameters" component={AdminParameters} />
            <Route path="/o/:org/admin/events" component={AuditLog} />
            <Route path="/o/:org/profile" component={Profile} />
            <Route>
              <NotFound what="this page" />
            </Route>
          </Switch>
        </Suspense>
      </Shell>
    </OrgProvider>
  );
}

function Routes() {
  const { me, loading } = useSession();
  const [location] = useLocation();
  if (loading) return <Loading />;
  if (!me) {
    if (location === '/sign-in') return <SignIn />;
    const next = location === '/' ? '' : `?next=${encodeURIComponent(location + window.location.search)}`;
    return <Redirect to={`/sign-in${next}`} replace />;
  }
  if (me.mustChangePassword) return <ChangePasswordPage />;
  const first = me.organisations[0];
  return (
    <Switch>
      <Route path="/sign-in">
        <Redirect to={first ? `/o/${first.slug}` : '/profile'} replace />
      </Route>
      <Route path="/o/:org/*?">
        <OrgRoutes />
      </Route>
      <Route path="/profile">
        {first ? <Redirect to={`/o/${first.slug}/profile`} replace /> : <NoOrganisation />}
      </Route>
      <Route path="/">{first ? <Redirect to={`/o/${first.slug}`} replace /> : <NoOrganisation />}</Route>
      <Route>
        <NotFound what="this page" />
      </Route>
    </Switch>
  );
}

function NoOrganisation() {
  const { me, signOut } = useSession();
  return (
    <main className="page narrow" id="main">
      <h1>No organisation yet</h1>
      <p>
        You are signed in as {me?.email}, but no organisation has given you a role. Ask an administrator of
        your organisation to add you (Administration → Users).
      </p>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </main>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Routes />
    </SessionProvider>
  );
}
