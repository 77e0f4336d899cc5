// The route table. Every screen but sign-in needs a session; a user whose password is a one-time
// password sees only the password form until they change it. Screens load as separate chunks so the
// first load carries only the shell.
import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch, useLocation, useParams } from 'wouter';
import { Shell } from './layout/Shell.tsx';
import { OrgProvider } from './org.tsx';
import { ChangePasswordPage } from './pages/ChangePassword.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { SessionProvider, useSession } from './session.tsx';

const Dashboard = lazy(() => import('./pages/Dashboard.tsx'));
const Records = lazy(() => import('./pages/Records.tsx'));
const RecordPage = lazy(() => import('./pages/RecordPage.tsx'));
const RecordForm = lazy(() => import('./pages/RecordForm.tsx'));
const PackPage = lazy(() => import('./pages/Pack.tsx'));
const SourcePage = lazy(() => import('./pages/Source.tsx'));
const Profile = lazy(() => import('./pages/Profile.tsx'));
const AdminUsers = lazy(() => import('./pages/admin/Users.tsx'));
const AdminUnits = lazy(() => import('./pages/admin/Units.tsx'));
const AdminParameters = lazy(() => import('./pages/admin/Parameters.tsx'));
const AuditLog = lazy(() => import('./pages/admin/AuditLog.tsx'));

function Loading() {
  return (
    <p className="loading" aria-live="polite">
      Loading…
    </p>
  );
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
            <Route path="/o/:org/records/new" component={RecordForm} />
            <Route path="/o/:org/records/:id/edit" component={RecordForm} />
            <Route path="/o/:org/records/:id" component={RecordPage} />
            <Route path="/o/:org/packs/:pack" component={PackPage} />
            <Route path="/o/:org/packs/:pack/sources/:document" component={SourcePage} />
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
