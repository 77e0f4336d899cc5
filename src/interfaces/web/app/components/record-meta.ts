// What the installed packs say about records: the titles of packs, record kinds and workflow states, so
// lists show "Petty-cash disbursement · Approved" rather than "sample/disbursement · approved".
import { humanize } from '../format.ts';
import type { JsonSchema, PackInfo, RecordItem, RecordKindInfo } from '../types.ts';

/** A workflow as GET /orgs/:org/packs describes it (the kernel's Machine). */
export interface WorkflowInfo {
  id: string;
  title: string;
  initial: string;
  states: Record<string, { title: string; terminal?: boolean }>;
  transitions: {
    name: string;
    title: string;
    from: string[];
    to: string;
    guard?: { caseKind: string; rules: string[] };
    roles?: string[];
  }[];
}

/** A page of GET /orgs/:org/records. */
export interface RecordPage {
  total: number;
  page: number;
  pageSize: number;
  records: RecordItem[];
}

export function findPack(packs: readonly PackInfo[], id: string | undefined): PackInfo | undefined {
  return id ? packs.find((p) => p.id === id) : undefined;
}

export function workflowsOf(pack: PackInfo | undefined): WorkflowInfo[] {
  return ((pack?.workflows ?? []) as WorkflowInfo[]).filter(
    (w) => w && typeof w === 'object' && typeof w.id === 'string' && w.states !== undefined,
  );
}

export function findKind(
  packs: readonly PackInfo[],
  pack: string | undefined,
  kind: string | undefined,
): RecordKindInfo | undefined {
  if (!kind) return undefined;
  return findPack(packs, pack)?.recordKinds?.find((k) => k.id === kind);
}

/** Every record kind the installed packs define, with its pack (optionally of one pack). */
export function allKinds(
  packs: readonly PackInfo[],
  onlyPack?: string,
): { pack: PackInfo; kind: RecordKindInfo }[] {
  return packs
    .filter((p) => !onlyPack || p.id === onlyPack)
    .flatMap((pack) => (pack.recordKinds ?? []).map((kind) => ({ pack, kind })));
}

/** The workflow a record of this kind moves through (by the kind's declared workflow). */
export function workflowOfKind(
  packs: readonly PackInfo[],
  pack: string | undefined,
  kind: string | undefined,
): WorkflowInfo | undefined {
  const p = findPack(packs, pack);
  const rk = p?.recordKinds?.find((k) => k.id === kind);
  const flows = workflowsOf(p);
  if (rk) return flows.find((w) => w.id === rk.workflow);
  // Packs listed before record kinds were published: a pack with one workflow uses it for everything.
  return flows.length === 1 ? flows[0] : undefined;
}

/** States a filter can offer: of one kind's workflow, else of the pack's (or every pack's) workflows. */
export function stateOptions(
  packs: readonly PackInfo[],
  pack: string | undefined,
  kind: string | undefined,
): { id: string; title: string; terminal: boolean }[] {
  const flows = kind
    ? [workflowOfKind(packs, pack, kind)].filter((w): w is WorkflowInfo => w !== undefined)
    : packs.filter((p) => !pack || p.id === pack).flatMap(workflowsOf);
  const seen = new Map<string, { id: string; title: string; terminal: boolean }>();
  for (const w of flows) {
    for (const [id, s] of Object.entries(w.states)) {
      if (!seen.has(id)) seen.set(id, { id, title: s.title, terminal: s.terminal === true });
    }
  }
  return [...seen.values()];
}

export function packTitle(packs: readonly PackInfo[], id: string): string {
  return findPack(packs, id)?.title ?? id;
}

export function kindTitle(packs: readonly PackInfo[], pack: string, kind: string): string {
  return (
    findKind(packs, pack, kind)?.title ??
    findPack(packs, pack)?.caseKinds.find((k) => k.id === kind)?.title ??
    humanize(kind)
  );
}

/** Where a record belongs, in words: "Requisition · LEA finance · Facilities" (kind, pack, and unit when given). */
export function recordWhere(
  packs: readonly PackInfo[],
  r: { pack: string; kind: string; unitName?: string | null | undefined },
): string {
  const where = `${kindTitle(packs, r.pack, r.kind)} · ${packTitle(packs, r.pack)}`;
  return r.unitName ? `${where} · ${r.unitName}` : where;
}

export function stateInfo(
  packs: readonly PackInfo[],
  record: Pick<RecordItem, 'pack' | 'kind' | 'state'>,
): { title: string; final: boolean } {
  const s = workflowOfKind(packs, record.pack, record.kind)?.states[record.state];
  return { title: s?.title ?? humanize(record.state), final: s?.terminal === true };
}

/** The top-level data fields of a record kind, with their labels and how to show their values. */
export function dataFieldsOf(
  kind: RecordKindInfo | undefined,
): { name: string; title: string; schema: JsonSchema }[] {
  const props = kind?.schema?.properties ?? {};
  return Object.entries(props).map(([name, schema]) => ({
    name,
    title: schema.title ?? humanize(name),
    schema,
  }));
}

/**
 * Who did something in the event log: a person by name; what Probity did by itself (loading the demo
 * records, reminders) as "Probity (automatic)", the same words the audit log uses.
 */
export function actorName(e: { actor: string; actorName?: string | null | undefined }): string {
  if (e.actor === 'system') return 'Probity (automatic)';
  return e.actorName || e.actor;
}
