// My profile: who I am, where I belong and what I may do there, my password and my API tokens.
import { orgApi } from '../api.ts';
import { describeRole, unitPath } from '../components/admin/people.ts';
import { ChangePasswordForm } from '../components/ChangePasswordForm.tsx';
import { ApiTokens } from '../components/profile/ApiTokens.tsx';
import { CalendarFeed } from '../components/profile/CalendarFeed.tsx';
import { Page } from '../components/ui.tsx';
import { useOrg } from '../org.tsx';
import { useSession } from '../session.tsx';
import type { Me, Role, Unit } from '../types.ts';
import { useApi } from '../use-api.ts';

export default function Profile() {
  const { me } = useSession();
  const org = useOrg();
  if (!me) return null;
  return (
    <Page
      title="My profile"
      subtitle="Your account, your roles, your password, your API tokens and your calendar feed."
    >
      <div className="grid-2 even">
        <div className="stack-cards">
          <section className="card" aria-labelledby="account-heading">
            <h2 id="account-heading" className="card-title">
              Your account
            </h2>
            <dl className="fields">
              <dt>Name</dt>
              <dd>{me.displayName}</dd>
              <dt>E-mail address</dt>
              <dd>{me.email}</dd>
            </dl>
            <p className="hint">
              To change your name or e-mail address, ask an administrator of your organisation.
            </p>
          </section>
          <section className="card" aria-labelledby="roles-heading">
            <h2 id="roles-heading" className="card-title">
              Organisations and roles
            </h2>
            <ul className="org-roles">
              {me.organisations.map((o) => (
                <OrgRoles
                  key={o.slug}
                  membership={o}
                  // The same list in every organisation: the core roles and the installed packs'.
                  roles={org.roleCatalog}
                  units={o.slug === org.slug ? org.units : undefined}
                />
              ))}
            </ul>
          </section>
        </div>
        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading" className="card-title">
            Change your password
          </h2>
          <ChangePasswordForm
            confirmation={
              <p className="ok-note">
                Your password is changed. Use the new one next time you sign in; any other browser signed in
                as you has been signed out.
              </p>
            }
          />
        </section>
      </div>
      <section className="card tokens-card" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="card-title">
          API tokens
        </h2>
        <ApiTokens />
      </section>
      <section className="card" aria-labelledby="calendar-feed-heading">
        <h2 id="calendar-feed-heading" className="card-title">
          Calendar feed
        </h2>
        <CalendarFeed org={org.slug} orgName={org.name} />
      </section>
    </Page>
  );
}

function OrgRoles({
  membership,
  roles,
  units,
}: {
  membership: Me['organisations'][number];
  roles: Role[];
  /** Known already for the current organisation; fetched for the others. */
  units: Unit[] | undefined;
}) {
  const needsUnits = !units && membership.roles.some((r) => r.unitId);
  const fetched = useApi<Unit[]>(needsUnits ? orgApi(membership.slug, '/units') : null);
  const unitList = units ?? fetched.data ?? [];
  return (
    <li>
      <strong>{membership.name}</strong>
      <ul>
        {membership.roles.map((r) => {
          const role = roles.find((x) => x.id === r.role);
          const d = role ? describeRole(role) : undefined;
          return (
            <li key={`${r.role}/${r.unitId ?? ''}`}>
              {d?.name ?? r.role}{' '}
              <span className="hint">
                —{' '}
                {r.unitId
                  ? `only in ${unitList.length ? unitPath(unitList, r.unitId) : 'one unit'}`
                  : 'whole organisation'}
              </span>
              {d && <div className="hint">{d.description || d.can}</div>}
            </li>
          );
        })}
      </ul>
    </li>
  );
}
