// How many records wait for the signed-in person (the approvals inbox's total), for the navigation and
// the dashboard. It is asked again after every navigation and whenever a step is taken in the inbox.
import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { qs } from '../api.ts';
import type { OrgState } from '../org.tsx';
import type { Inbox } from '../types.ts';
import { useApi } from '../use-api.ts';

/** Fired after a step is taken, so every count of the inbox follows. */
export const INBOX_CHANGED_EVENT = 'probity:inbox-changed';

export function inboxChanged(): void {
  window.dispatchEvent(new Event(INBOX_CHANGED_EVENT));
}

/** The inbox's total in the organisation (in the header's unit), or undefined while unknown. */
export function useInboxCount(org: OrgState): number | undefined {
  const [location] = useLocation();
  const { data, reload } = useApi<Inbox>(org.api('/inbox') + qs({ unitId: org.unitId, pageSize: 1 }));
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asks again when the location changes
  useEffect(() => {
    if (first.current) first.current = false;
    else reload();
  }, [location]);
  useEffect(() => {
    window.addEventListener(INBOX_CHANGED_EVENT, reload);
    return () => window.removeEventListener(INBOX_CHANGED_EVENT, reload);
  }, [reload]);
  return data?.total;
}
