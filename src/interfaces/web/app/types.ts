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
