// The frame of every screen inside an organisation: a skip link, the header with the organisation and
// unit switchers and the user's menu, the navigation (dashboard, records, each installed pack,
// administration for those who may), and the page itself in <main id="main">.
import { type ReactNode, useEffect, useId, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { unitOptions } from '../components/admin/people.ts';
import { useInboxCount } from '../components/inbox-count.ts';
import { reportPath } from '../components/report-path.ts';
import { useOrg } from '../org.tsx';
import { useSession } from '../session.tsx';

function NavLink({ href, children, exact = false }: { href: string; children: ReactNode; exact?: boolean }) {
  const [location] = useLocation();
  const active = exact ? location === href : location === href || location.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={active ? 'page' : undefined} className={active ? 'active' : undefined}>
      {children}
    </Link>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const org = useOrg();
  const { me, signOut } = useSession();
  const [location, navigate] = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [signOutError, setSignOutError] = useState<string | undefined>();
  const orgSelect = useId();
  const unitSelect = useId();
  // Close the phone menu after navigating.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on location change only
  useEffect(() => setMenuOpen(false), [location]);
  const waiting = useInboxCount(org);
  const admin = org.can('users.manage') || org.can('parameters.read') || org.can('events.read');
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="topbar">
        <Link href={org.path()} className="brand" aria-label="Probity — dashboard">
          Probity
        </Link>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="primary-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          Menu
        </button>
        <div className="switchers">
          <label htmlFor={orgSelect}>Organisation</label>
          <select
            id={orgSelect}
            value={org.slug}
            onChange={(e) => navigate(`/o/${encodeURIComponent(e.target.value)}`)}
          >
            {me?.organisations.map((o) => (
              <option key={o.slug} value={o.slug}>
                {o.name}
              </option>
            ))}
          </select>
          {org.units.length > 0 && (
            <>
              <label htmlFor={unitSelect}>Unit</label>
              <select
                id={unitSelect}
                value={org.unitId ?? ''}
                onChange={(e) => org.setUnitId(e.target.value || null)}
              >
                <option value="">All units</option>
                {/* Full paths ("North High › Science"), so two units of the same name stay apart. */}
                {unitOptions(org.units).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.label}
                  </option>
                ))}
              </select>
            </>
          )}
        </div>
        <div className="user">
          <Link href={org.path('/profile')} className="user-name">
            {me?.displayName}
          </Link>
          <button
            type="button"
            className="link-button"
            onClick={() =>
              signOut().then(
                () => navigate('/sign-in'),
                (error: Error) => setSignOutError(`Not signed out: ${error.message}`),
              )
            }
          >
            Sign out
          </button>
        </div>
      </header>
      <nav id="primary-nav" className={menuOpen ? 'sidebar open' : 'sidebar'} aria-label="Primary">
        <ul>
          <li>
            <NavLink href={org.path()} exact>
              Dashboard
            </NavLink>
          </li>
          <li>
            <NavLink href={org.path('/inbox')}>
              Approvals
              {waiting !== undefined && waiting > 0 && (
                <>
                  {' '}
                  <span className="nav-count">{waiting}</span>
                  <span className="visually-hidden"> waiting for you</span>
                </>
              )}
            </NavLink>
          </li>
          <li>
            <NavLink href={org.path('/records')}>Records</NavLink>
          </li>
          {org.can('records.read') && (
            <li>
              <NavLink href={org.path('/screening')}>Screening</NavLink>
            </li>
          )}
        </ul>
        {org.packs.length > 0 && (
          <>
            <h2 className="nav-heading">Policy packs</h2>
            <ul>
              {org.packs.map((p) => (
                <li key={p.id}>
                  <NavLink href={org.path(`/packs/${encodeURIComponent(p.id)}`)}>{p.title}</NavLink>
                  {p.reports && p.reports.length > 0 && (
                    <ul className="nav-sub" aria-label={`Reports of ${p.title}`}>
                      {p.reports.map((r) => (
                        <li key={r.id}>
                          <NavLink href={reportPath(org.path, p.id, r.id)}>{r.title}</NavLink>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {admin && (
          <>
            <h2 className="nav-heading">Administration</h2>
            <ul>
              {org.can('users.manage') && (
                <>
                  <li>
                    <NavLink href={org.path('/admin/users')}>Users and roles</NavLink>
                  </li>
                  <li>
                    <NavLink href={org.path('/admin/units')}>Units</NavLink>
                  </li>
                </>
              )}
              {org.can('parameters.read') && (
                <li>
                  <NavLink href={org.path('/admin/parameters')}>Parameters</NavLink>
                </li>
              )}
              {org.can('events.read') && (
                <li>
                  <NavLink href={org.path('/admin/events')}>Audit log</NavLink>
                </li>
              )}
            </ul>
          </>
        )}
        <ul>
          <li>
            <NavLink href={org.path('/profile')}>My profile</NavLink>
          </li>
        </ul>
      </nav>
      <main id="main" className="page" tabIndex={-1}>
        {signOutError && (
          <div className="error-note" role="alert">
            {signOutError}
          </div>
        )}
        {children}
      </main>
    </div>
  );
}
