// Shapes of the API's answers, as the screens use them (the OpenAPI document at
// /api/v1/openapi.json is the full contract).

export interface Me {
  id: string;
  email: string;
  displayName: string;
  mustChangePassword: boolean;
  organisations: { slug: string; name: string; roles: { role: string; unitId: string | null }[] }[];
}

export interface Role {
  id: string;
  title: string;
  permissions: string[];
}

export interface Unit {
  id: string;
  name: string;
  parentId: string | null;
}

export interface Citation {
  pack: string;
  document: string;
  section: string;
  authority?: string;
  title?: string;
}

export interface ResolvedParameter {
  id: string;
  value: unknown;
  from: string;
  source: 'pack' | 'override';
  unit: string;
  citation?: Citation;
  reason?: string;
}

export type FindingKind = 'violation' | 'requirement' | 'deadline' | 'value' | 'notice';
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

/** See docs/evaluation-output.md: the stable shape of a finding. */
export interface Finding {
  rule: string;
  kind: FindingKind;
  severity: Severity;
  message: string;
  citations: Citation[];
  subject?: string;
  due?: string;
  values?: Record<string, unknown>;
  trace: { facts: Record<string, unknown>; parameters: ResolvedParameter[] };
}

export interface Evaluation {
  pack: { id: string; version: string };
  caseKind: string;
  asOf: string;
  org?: string;
  findings: Finding[];
  values: Record<string, Record<string, unknown>>;
  rules: { id: string; title: string; inForce: boolean }[];
}

export interface RecordKindInfo {
  id: string;
  title: string;
  caseKind: string;
  workflow: string;
  schema: JsonSchema;
}

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  [key: string]: unknown;
}

export interface PackInfo {
  id: string;
  title: string;
  version: string;
  description?: string;
  source?: { document: string; title: string };
  caseKinds: { id: string; title: string }[];
  rules: { id: string; title: string; citations: Citation[] }[];
  workflows: unknown[];
  recordKinds?: RecordKindInfo[];
  roles?: { id: string; title: string; permissions: string[] }[];
  sources?: { id: string; title: string }[];
  reports?: ReportInfo[];
}

export interface RecordItem {
  id: string;
  pack: string;
  kind: string;
  unitId: string | null;
  unitName?: string | null;
  title: string;
  state: string;
  data: Record<string, unknown>;
  dueOn: string | null;
  overdue?: boolean;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface EventItem {
  seq: number;
  kind: string;
  subject: string;
  actor: string;
  actorName?: string | null;
  at: string;
  payload?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A step the signed-in person can take on a record now (GET /orgs/:org/inbox). */
export interface InboxAction {
  name: string;
  title: string;
  to: string;
  toTitle: string;
}

export interface InboxItem {
  record: {
    id: string;
    pack: string;
    kind: string;
    title: string;
    state: string;
    stateTitle: string;
    unitId: string | null;
    unitName: string | null;
    dueOn: string | null;
    overdue: boolean;
    version: number;
    /** When the record last changed: how long it has waited. */
    updatedAt: string;
  };
  actions: InboxAction[];
}

export interface Inbox {
  today: string;
  total: number;
  page: number;
  pageSize: number;
  items: InboxItem[];
  packs: { id: string; title: string; count: number }[];
}

/** A report a pack generates (listed with the pack; GET …/packs/:pack/reports/:report). */
export interface ReportInfo {
  id: string;
  title: string;
  description: string;
  /** The inputs the report takes, as JSON Schema (e.g. { fiscalYear }), when the server says. */
  input?: JsonSchema;
}

/** A cell: text, or a typed value (money in cents, a date, a link to a record, a toned verdict). */
export type ReportCell =
  | string
  | number
  | null
  | { cents: number }
  | { date: string }
  | { record: string; text: string }
  | { text: string; tone: 'ok' | 'warn' | 'bad' };

export interface ReportSection {
  heading: string;
  paragraphs?: string[];
  table?: { columns: string[]; rows: ReportCell[][] };
  citations?: Citation[];
}

export interface ReportDocument {
  title: string;
  subtitle?: string;
  asOf: string;
  sections: ReportSection[];
  notes?: string[];
}

export interface ReportAnswer {
  pack: string | { id: string; title?: string };
  report: ReportInfo;
  document: ReportDocument;
}
