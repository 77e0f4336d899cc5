// One's private calendar feed of deadlines: an address a calendar app (Outlook, Google Calendar, Apple
// Calendar) subscribes to, showing every open record one may read on its due date. Calendar apps cannot
// sign in, so the address itself carries a secret: shown once, replaced by creating a new one, ended by
// revoking it.
import { useState } from 'react';
import { del, post, qs } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useApi } from '../../use-api.ts';
import { ConfirmAction } from '../admin/ConfirmAction.tsx';
import { useSubmit } from '../admin/form-errors.ts';
import { SecretOnce } from '../admin/SecretOnce.tsx';
import { Badge, ErrorNote, Loading } from '../ui.tsx';

type FeedStatus =
  | { active: false }
  | { active: true; prefix: string; createdAt: string; lastUsedAt: string | null };

interface CreatedFeed {
  id: string;
  prefix: string;
  createdAt: string;
  url: string;
}

export function CalendarFeed({ org, orgName }: { org: string; orgName: string }) {
  const path = `/api/v1/me/calendar-feed${qs({ org })}`;
  const status = useApi<FeedStatus>(path);
  const [created, setCreated] = useState<CreatedFeed | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const { error, busy, submit } = useSubmit();
  const feed = status.data;
  function create() {
    void submit([], async () => {
      const made = await post<CreatedFeed>(path);
      setNotice(undefined);
      setCreated(made);
      status.reload();
    });
  }
  return (
    <div className="stack">
      <p>
        Subscribe your calendar app to the deadlines of {orgName}: every open record you can see appears on
        the day it is due, and moves when its due date does. The address works without signing in, so keep it
        private; you can replace or revoke it here at any time.
      </p>
      {created && (
        <SecretOnce
          title="Your calendar feed address"
          secretLabel="Feed address"
          secret={created.url}
          onDone={() => setCreated(undefined)}
        >
          <p className="hint">
            In your calendar app choose “Add calendar from URL” (or “Subscribe”) and paste it. Anyone who has
            it can see these deadlines.
          </p>
        </SecretOnce>
      )}
      <div aria-live="polite">{notice && <p className="ok-note">{notice}</p>}</div>
      <ErrorNote error={status.error ?? error} />
      {!feed && status.loading ? (
        <Loading what="your calendar feed" />
      ) : feed?.active ? (
        <div className="status-cell" data-testid="calendar-feed-status">
          <Badge tone="ok">Active</Badge>{' '}
          <span>
            Address beginning <code>{feed.prefix}…</code>, created {formatDateTime(feed.createdAt)}; last read{' '}
            {feed.lastUsedAt ? formatDateTime(feed.lastUsedAt) : 'never'}.
          </span>
          <ConfirmAction
            label="Revoke"
            accessibleLabel="Revoke the calendar feed"
            question={<>Revoke the feed? Calendars subscribed to it stop receiving deadlines.</>}
            confirmLabel="Yes, revoke"
            busyLabel="Revoking…"
            onConfirm={async () => {
              await del(path);
              setCreated(undefined);
              setNotice('The calendar feed is revoked: its address no longer works.');
              status.reload();
            }}
          />
        </div>
      ) : (
        feed && <p data-testid="calendar-feed-status">You have no calendar feed.</p>
      )}
      {feed && (
        <p>
          <button type="button" onClick={create} disabled={busy}>
            {busy ? 'Creating…' : feed.active ? 'Replace with a new address' : 'Create a calendar feed'}
          </button>
          {feed.active && (
            <span className="hint"> The current address stops working when you replace it.</span>
          )}
        </p>
      )}
    </div>
  );
}
