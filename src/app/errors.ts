// The one error catalog (Fastify's habit): every stable code with its HTTP status and a title.
// docs/errors.md documents each; a test checks the two agree both ways.
import { ProbityError } from '../kernel/errors.ts';

export interface ErrorEntry {
  status: number;
  title: string;
}

export const ERROR_CATALOG = {
  PRB_INPUT_INVALID: { status: 400, title: 'The request is invalid' },
  PRB_FACTS_INVALID: { status: 400, title: 'The facts are invalid' },
  PRB_INVALID_DATE: { status: 400, title: 'Not a calendar date' },
  PRB_INVALID_MONEY: { status: 400, title: 'Not an amount of money' },
  PRB_INVALID_PERCENT: { status: 400, title: 'Not a percentage' },
  PRB_INVALID_PERIOD: { status: 400, title: 'Not a valid period' },
  PRB_EXPORT_TOO_LARGE: { status: 400, title: 'Export too large' },
  PRB_REPORT_TOO_LARGE: { status: 400, title: 'Report too large' },
  PRB_UNAUTHENTICATED: { status: 401, title: 'Sign-in required' },
  PRB_SIGN_IN_FAILED: { status: 401, title: 'Sign-in failed' },
  PRB_FORBIDDEN: { status: 403, title: 'Not allowed' },
  PRB_PASSWORD_CHANGE_REQUIRED: { status: 403, title: 'Password change required' },
  PRB_SEGREGATION_OF_DUTIES: { status: 403, title: 'Segregation of duties' },
  PRB_NOT_FOUND: { status: 404, title: 'Not found' },
  PRB_UNKNOWN_PACK: { status: 404, title: 'Unknown policy pack' },
  PRB_UNKNOWN_CASE_KIND: { status: 404, title: 'Unknown case kind' },
  PRB_UNKNOWN_PARAMETER: { status: 404, title: 'Unknown parameter' },
  PRB_UNKNOWN_RULE: { status: 404, title: 'Unknown rule' },
  PRB_CONFLICT: { status: 409, title: 'Conflict with the current state' },
  PRB_TRANSITION_NOT_ALLOWED: { status: 409, title: 'Transition not allowed' },
  PRB_TRANSITION_REFUSED: { status: 409, title: 'Transition refused by the rules' },
  PRB_SCREENING_NOT_DONE: { status: 409, title: 'Screening not finished' },
  PRB_PAYLOAD_TOO_LARGE: { status: 413, title: 'Request too large' },
  PRB_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  PRB_NO_RULE_IN_FORCE: { status: 422, title: 'No rule in force' },
  PRB_PARAMETER_NOT_IN_FORCE: { status: 422, title: 'Parameter not in force' },
  PRB_RATE_LIMITED: { status: 429, title: 'Too many requests' },
  PRB_RULE_FAILED: { status: 500, title: 'A rule failed' },
  PRB_PACK_DEFINITION: { status: 500, title: 'Invalid pack definition' },
  PRB_DOCUMENT_MISSING: { status: 500, title: 'Document bytes missing' },
  PRB_DOCUMENT_CORRUPT: { status: 500, title: 'Document bytes corrupt' },
  PRB_INTERNAL: { status: 500, title: 'Internal error' },
  PRB_STORE_LOCKED: { status: 503, title: 'Store in use by another process' },
  PRB_NOT_READY: { status: 503, title: 'Not ready' },
  PRB_CONFIG_INVALID: { status: 500, title: 'Invalid configuration' },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export function catalogEntry(code: string): ErrorEntry {
  return (ERROR_CATALOG as Record<string, ErrorEntry>)[code] ?? ERROR_CATALOG.PRB_INTERNAL;
}

export interface FieldIssue {
  /** Where the problem is: a JSON-pointer-like path, e.g. "/body/items/0/amountCents". */
  path: string;
  message: string;
}

export class AppError extends ProbityError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}

export class InputInvalidError extends AppError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[], message?: string) {
    super(
      'PRB_INPUT_INVALID',
      message ??
        `The request has ${issues.length} invalid field${issues.length === 1 ? '' : 's'}: ` +
          issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; '),
      { issues },
    );
    this.issues = issues;
  }
}

export const notFound = (what: string) => new AppError('PRB_NOT_FOUND', `${what} was not found.`);
export const forbidden = (message: string) => new AppError('PRB_FORBIDDEN', message);
