// One's API tokens: what scripts and other systems use to call Probity as oneself. A new token is shown
// once (only its fingerprint is kept), with an example request; revoking one refuses it at once.
import { type FormEvent, useState } from 'react';
import { del, post } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useApi } from '../../use-api.ts';
import { ConfirmAction } from '../admin/ConfirmAction.tsx';
import { generalError, useSubmit } from '../admin/form-errors.ts';
import { CopyButton, SecretOnce } from '../admin/SecretOnce.tsx';
import { TableWrap } from '../admin/TableWrap.tsx';
import { Badge, Empty, ErrorNote, Field, Loading } from '../ui.tsx';

interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface CreatedToken {
  id: string;
  name: string;
  token: string;
  prefix: string;
  expiresAt: string | null;
}

const EXPIRY_CHOICES = [
  { days: '30', label: 'In 30 days' },
  { days: '90', label: 'In 90 days' },
  { days: '366', label: 'In a year' },
  { days: '', label: 'Never (until revoked)' },
];

function tokenState(t: ApiToken, now: number): 'active' | 'revoked' | 'expired' {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && Date.parse(t.expiresAt) <= now) return 'expired';
  return 'active';
}

export function ApiTokens() {
  const tokens = useApi<ApiToken[]>('/api/v1/me/tokens');
  const [created, setCreated] = useState<CreatedToken | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const now = Date.now();
  const list = [...(tokens.data ?? [])].sort((a, b) => {
    // Working tokens first, newest first within each group.
    const rank = (t: ApiToken) => (tokenState(t, now) === 'active' ? 0 : 1);
    return rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt);
  });
  return (
    <div className="stack">
      <p>
        A token lets a script or another system call Probity’s API as you, with your roles. Give each use its
        own token, so you can revoke one without breaking the others.
      </p>
      {created && (
        <SecretOnce
          title={`Your new token “${created.name}”`}
          secretLabel="Token"
          secret={created.token}
          onDone={() => setCreated(undefined)}
        >
          <TokenExample token={created.token} />
          <p className="hint">
            {created.expiresAt
              ? `It stops working on ${formatDateTime(created.expiresAt)}.`
              : 'It works until you revoke it.'}{' '}
            Keep it like a password: anyone who has it can act as you.
          </p>
        </SecretOnce>
      )}
      <div aria-live="polite">{notice && <p className="ok-note">{notice}</p>}</div>
      <ErrorNote error={tokens.error} />
      {tokens.loading && !tokens.data ? (
        <Loading what="your tokens" />
      ) : list.length === 0 ? (
        <Empty title="You have no API tokens">
          Create one below when a script or another system needs to read or write Probity on your behalf.
        </Empty>
      ) : (
        <TableWrap label="Your API tokens">
          <table className="data tokens">
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Begins with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.map((t) => {
                const state = tokenState(t, now);
                return (
                  <tr key={t.id}>
                    <td>{t.name}</td>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td className="nowrap">{formatDateTime(t.createdAt)}</td>
                    <td className="nowrap">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</td>
                    <td className="nowrap">{t.expiresAt ? formatDateTime(t.expiresAt) : 'Never'}</td>
                    <td>
                      {state === 'active' ? (
                        <div className="status-cell">
                          <Badge tone="ok">Active</Badge>
                          <ConfirmAction
                            label="Revoke"
                            accessibleLabel={`Revoke the token “${t.name}”`}
                            question={
                              <>
                                Revoke “{t.name}”? Anything using it is refused from now on. This cannot be
                                undone.
                              </>
                            }
                            confirmLabel="Yes, revoke"
                            busyLabel="Revoking…"
                            onConfirm={async () => {
                              await del(`/api/v1/me/tokens/${encodeURIComponent(t.id)}`);
                              if (created?.id === t.id) setCreated(undefined);
                              setNotice(`The token “${t.name}” is revoked: it no longer works.`);
                              tokens.reload();
                            }}
                          />
                        </div>
                      ) : state === 'revoked' ? (
                        <>
                          <Badge tone="danger">Revoked</Badge>
                          <div className="hint">{formatDateTime(t.revokedAt)}</div>
                        </>
                      ) : (
                        <Badge tone="warn">Expired</Badge>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      <CreateToken
        onCreated={(t) => {
          setNotice(undefined);
          setCreated(t);
          tokens.reload();
        }}
      />
    </div>
  );
}

function TokenExample({ token }: { token: string }) {
  const command = `curl -H "Authorization: Bearer ${token}" ${window.location.origin}/api/v1/me`;
  return (
    <div className="stack">
      <p>Try it: this command answers with your account.</p>
      <pre className="command">
        <code>{command}</code>
      </pre>
      <CopyButton text={command} label="Copy the example command" />
    </div>
  );
}

function CreateToken({ onCreated }: { onCreated(token: CreatedToken): void }) {
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const { error, busy, submit } = useSubmit();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(
      name.trim() ? [] : [{ path: '/name', message: 'name the token after what will use it' }],
      async () => {
        const token = await post<CreatedToken>('/api/v1/me/tokens', {
          name: name.trim(),
          ...(days ? { expiresInDays: Number(days) } : {}),
        });
        setName('');
        onCreated(token);
      },
    );
  }
  const general = generalError(error, ['/name', '/expiresInDays']);
  return (
    <form onSubmit={onSubmit} noValidate className="subsection" aria-labelledby="create-token-heading">
      <h3 id="create-token-heading">Create a token</h3>
      <ErrorNote error={general} />
      <div className="grid-2 even">
        <Field
          label="Name"
          hint="What will use it, e.g. “Monthly report script”."
          error={error?.fieldError('/name')}
          required
        >
          {(p) => <input {...p} value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field
          label="Expires"
          hint="A token that expires limits the harm if it leaks."
          error={error?.fieldError('/expiresInDays')}
        >
          {(p) => (
            <select {...p} value={days} onChange={(e) => setDays(e.target.value)}>
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.label} value={c.days}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create token'}
      </button>
    </form>
  );
}
