// Users and roles: who belongs to the organisation, what each may do and where; adding a person (a new
// account gets a one-time password, shown once), granting and revoking roles, resetting a password.
import { type FormEvent, useId, useState } from 'react';
import { del, post } from '../../api.ts';
import { ConfirmAction } from '../../components/admin/ConfirmAction.tsx';
import { generalError, useSubmit } from '../../components/admin/form-errors.ts';
import { roleName, unitPath } from '../../components/admin/people.ts';
import { RolePicker, UnitPicker } from '../../components/admin/RolePicker.tsx';
import { SecretOnce } from '../../components/admin/SecretOnce.tsx';
import { TableWrap } from '../../components/admin/TableWrap.tsx';
import { Badge, Empty, ErrorNote, Field, Loading, Page } from '../../components/ui.tsx';
import { useOrg } from '../../org.tsx';
import { useSession } from '../../session.tsx';
import type { Role, Unit } from '../../types.ts';
import { useApi } from '../../use-api.ts';

interface Membership {
  id: string;
  role: string;
  unitId: string | null;
}

interface Member {
  id: string;
  email: string;
  displayName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  roles: Membership[];
}

export default function Users() {
  const org = useOrg();
  const allowed = org.can('users.manage');
  const users = useApi<Member[]>(allowed ? org.api('/users') : null);
  if (!allowed) {
    return (
      <Page title="Users and roles">
        <ErrorNote error="Managing users needs the Organisation administrator role. Ask an administrator of your organisation if you need a change." />
      </Page>
    );
  }
  const members = users.data ?? [];
  return (
    <Page
      title="Users and roles"
      subtitle="Who can use Probity here, what each person may do, and where. Every change is recorded in the audit log."
    >
      <ErrorNote error={users.error} />
      {users.loading && !users.data ? (
        <Loading what="the users" />
      ) : members.length === 0 ? (
        <Empty title="Nobody belongs to this organisation yet">
          Add the first person with the form below.
        </Empty>
      ) : (
        <UserTable members={members} roles={org.roleCatalog} units={org.units} onChanged={users.reload} />
      )}
      <AddUser roles={org.roleCatalog} units={org.units} onAdded={users.reload} />
    </Page>
  );
}

function UserTable({
  members,
  roles,
  units,
  onChanged,
}: {
  members: Member[];
  roles: Role[];
  units: Unit[];
  onChanged(): void;
}) {
  return (
    <TableWrap label="People">
      <table className="data users-table">
        <caption className="visually-hidden">
          People in this organisation, their roles and the state of their account
        </caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Roles</th>
            <th scope="col">Account</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <UserRow key={m.id} member={m} roles={roles} units={units} onChanged={onChanged} />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function AccountStatus({ member }: { member: Member }) {
  if (member.disabled) return <Badge tone="danger">Disabled</Badge>;
  if (member.mustChangePassword) {
    return (
      <>
        <Badge tone="warn">One-time password</Badge>
        <div className="hint">Has not chosen their own password yet; must do so at their next sign-in.</div>
      </>
    );
  }
  return <Badge tone="ok">Active</Badge>;
}

function UserRow({
  member,
  roles,
  units,
  onChanged,
}: {
  member: Member;
  roles: Role[];
  units: Unit[];
  onChanged(): void;
}) {
  const org = useOrg();
  const { me } = useSession();
  const isMe = me?.id === member.id;
  const [panel, setPanel] = useState<'grant' | 'reset' | null>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const panelId = useId();
  const toggle = (which: 'grant' | 'reset') => {
    setNotice(undefined);
    setPanel((p) => (p === which ? null : which));
  };
  return (
    <>
      <tr>
        <td>
          <strong>{member.displayName}</strong>
          {isMe && <span className="hint"> (you)</span>}
          <div className="hint">{member.email}</div>
        </td>
        <td>
          {member.roles.length === 0 ? (
            <span className="hint">No role</span>
          ) : (
            <ul className="role-list">
              {member.roles.map((m) => {
                const name = roleName(roles, m.role);
                const where = m.unitId ? `only in ${unitPath(units, m.unitId)}` : 'whole organisation';
                return (
                  <li key={m.id}>
                    <span>
                      {name} <span className="hint">— {where}</span>
                    </span>
                    <ConfirmAction
                      label="Revoke"
                      accessibleLabel={`Revoke ${name} (${where}) from ${member.displayName}`}
                      question={
                        <>
                          Take away <strong>{name}</strong> ({where}) from {member.displayName}?
                        </>
                      }
                      confirmLabel="Yes, revoke"
                      busyLabel="Revoking…"
                      onConfirm={async () => {
                        await del(org.api(`/roles/${encodeURIComponent(m.id)}`));
                        setNotice(`${name} (${where}) was taken away from ${member.displayName}.`);
                        onChanged();
                      }}
                    />
                  </li>
                );
              })}
            </ul>
          )}
        </td>
        <td>
          <AccountStatus member={member} />
        </td>
        <td>
          <div className="row-actions">
            <button
              type="button"
              aria-expanded={panel === 'grant'}
              aria-controls={panel === 'grant' ? panelId : undefined}
              aria-label={`Grant a role to ${member.displayName}`}
              onClick={() => toggle('grant')}
            >
              Grant a role
            </button>
            {!isMe && (
              <button
                type="button"
                aria-expanded={panel === 'reset'}
                aria-controls={panel === 'reset' ? panelId : undefined}
                aria-label={`Reset password for ${member.displayName}`}
                onClick={() => toggle('reset')}
              >
                Reset password
              </button>
            )}
          </div>
        </td>
      </tr>
      {(panel || notice) && (
        <tr className="panel-row">
          <td colSpan={4} id={panelId}>
            {notice && (
              <p className="ok-note" role="status">
                {notice}
              </p>
            )}
            {panel === 'grant' && (
              <GrantRole
                member={member}
                roles={roles}
                units={units}
                onCancel={() => setPanel(null)}
                onGranted={(text) => {
                  setPanel(null);
                  setNotice(text);
                  onChanged();
                }}
              />
            )}
            {panel === 'reset' && (
              <ResetPassword member={member} onClose={() => setPanel(null)} onReset={onChanged} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function GrantRole({
  member,
  roles,
  units,
  onCancel,
  onGranted,
}: {
  member: Member;
  roles: Role[];
  units: Unit[];
  onCancel(): void;
  onGranted(notice: string): void;
}) {
  const org = useOrg();
  const [role, setRole] = useState('');
  const [unitId, setUnitId] = useState('');
  const { error, busy, submit } = useSubmit();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(role ? [] : [{ path: '/role', message: 'choose a role' }], async () => {
      await post(org.api(`/users/${encodeURIComponent(member.id)}/roles`), {
        role,
        ...(unitId ? { unitId } : {}),
      });
      const where = unitId ? `only in ${unitPath(units, unitId)}` : 'across the whole organisation';
      onGranted(`${member.displayName} is now ${roleName(roles, role)}, ${where}.`);
    });
  }
  return (
    <form
      className="panel stack"
      onSubmit={onSubmit}
      noValidate
      aria-label={`Grant a role to ${member.displayName}`}
    >
      <h3>Grant a role to {member.displayName}</h3>
      <ErrorNote error={generalError(error, ['/role', '/unitId'])} />
      <RolePicker roles={roles} value={role} onChange={setRole} error={error?.fieldError('/role')} />
      <UnitPicker units={units} value={unitId} onChange={setUnitId} error={error?.fieldError('/unitId')} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Granting…' : 'Grant role'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ResetPassword({ member, onClose, onReset }: { member: Member; onClose(): void; onReset(): void }) {
  const org = useOrg();
  const [result, setResult] = useState<{ oneTimePassword: string; sessionsEnded?: number } | undefined>();
  const { error, busy, submit } = useSubmit();
  const reset = () =>
    submit([], async () => {
      setResult(
        await post<{ oneTimePassword: string; sessionsEnded?: number }>(
          org.api(`/users/${encodeURIComponent(member.id)}/reset-password`),
        ),
      );
      onReset();
    });
  if (result) {
    return (
      <SecretOnce
        title={`New one-time password for ${member.displayName}`}
        secretLabel="One-time password"
        secret={result.oneTimePassword}
        onDone={onClose}
      >
        <PassItOn name={member.displayName} email={member.email} />
        {result.sessionsEnded ? (
          <p>
            {result.sessionsEnded === 1
              ? 'One browser session signed in as them was ended.'
              : `${result.sessionsEnded} browser sessions signed in as them were ended.`}
          </p>
        ) : null}
      </SecretOnce>
    );
  }
  // This panel is the confirmation step: it says what will happen before anything does.
  return (
    <div className="panel stack">
      <h3>Reset the password of {member.displayName}?</h3>
      <p>
        Their current password stops working at once and anyone signed in as them is signed out. You get a
        one-time password to pass on; they choose their own password when they next sign in.
      </p>
      <ErrorNote error={error} />
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void reset()}>
          {busy ? 'Resetting…' : 'Yes, reset the password'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function PassItOn({ name, email }: { name: string; email: string }) {
  return (
    <div className="stack">
      <p>
        Give it to {name} <strong>in person, by phone or through a different channel</strong> from the one
        that tells them their e-mail address ({email}), never in the same message. They sign in with it once
        and then must choose their own password.
      </p>
    </div>
  );
}

function AddUser({ roles, units, onAdded }: { roles: Role[]; units: Unit[]; onAdded(): void }) {
  const org = useOrg();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('');
  const [unitId, setUnitId] = useState('');
  const { error, busy, submit } = useSubmit();
  const [added, setAdded] = useState<
    { name: string; email: string; oneTimePassword: string | null } | undefined
  >();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = [
      ...(displayName.trim() ? [] : [{ path: '/displayName', message: 'enter the person’s name' }]),
      ...(email.trim() ? [] : [{ path: '/email', message: 'enter their work e-mail address' }]),
      ...(role ? [] : [{ path: '/role', message: 'choose a role' }]),
    ];
    void submit(problems, async () => {
      const result = await post<{ id: string; email: string; oneTimePassword: string | null }>(
        org.api('/users'),
        { displayName: displayName.trim(), email: email.trim(), role, ...(unitId ? { unitId } : {}) },
      );
      setAdded({ name: displayName.trim(), email: result.email, oneTimePassword: result.oneTimePassword });
      setDisplayName('');
      setEmail('');
      setRole('');
      setUnitId('');
      onAdded();
    });
  }
  return (
    <section className="card add-user" aria-labelledby="add-user-heading">
      <h2 id="add-user-heading">Add a user</h2>
      {added &&
        (added.oneTimePassword ? (
          <SecretOnce
            title={`${added.name} was added`}
            secretLabel="One-time password"
            secret={added.oneTimePassword}
            onDone={() => setAdded(undefined)}
          >
            <PassItOn name={added.name} email={added.email} />
          </SecretOnce>
        ) : (
          <p className="ok-note" role="status">
            {added.name} was added. They already have a Probity account (from another organisation), so they
            sign in with the password they already use.
          </p>
        ))}
      <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="add-user-heading">
        <ErrorNote error={generalError(error, ['/displayName', '/email', '/role', '/unitId'])} />
        <div className="grid-2 even">
          <Field
            label="Name"
            hint="As colleagues know them, e.g. Dana Reyes."
            error={error?.fieldError('/displayName')}
            required
          >
            {(p) => (
              <input
                {...p}
                autoComplete="off"
                value={displayName}
                onChange={(e) => setDisplayName(e.target.value)}
              />
            )}
          </Field>
          <Field
            label="E-mail address"
            hint="They sign in with it."
            error={error?.fieldError('/email')}
            required
          >
            {(p) => (
              <input
                {...p}
                type="email"
                autoComplete="off"
                spellCheck={false}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
        </div>
        <RolePicker roles={roles} value={role} onChange={setRole} error={error?.fieldError('/role')} />
        <UnitPicker units={units} value={unitId} onChange={setUnitId} error={error?.fieldError('/unitId')} />
        <div>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add user'}
          </button>
        </div>
      </form>
    </section>
  );
}
