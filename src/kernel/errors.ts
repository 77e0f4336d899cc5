// One catalog of kernel errors. Codes are stable strings (`PRB_…`) that callers and the HTTP layer
// match on; messages are for people and say what was wrong, where, and what would be right.

export class ProbityError extends Error {
  readonly code: string;
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

export interface FactsIssue {
  path: string;
  message: string;
}

export class FactsInvalidError extends ProbityError {
  readonly issues: FactsIssue[];

  constructor(caseKind: string, issues: FactsIssue[]) {
    const list = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    super(
      'PRB_FACTS_INVALID',
      `facts for case kind "${caseKind}" are invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${list}`,
      { caseKind, issues },
    );
    this.issues = issues;
  }
}

export class InvalidDateError extends ProbityError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('PRB_INVALID_DATE', message, details);
  }
}

export class InvalidMoneyError extends ProbityError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('PRB_INVALID_MONEY', message, details);
  }
}

export class UnknownCaseKindError extends ProbityError {
  constructor(pack: string, caseKind: string, known: readonly string[]) {
    super(
      'PRB_UNKNOWN_CASE_KIND',
      `pack "${pack}" has no case kind "${caseKind}"; known case kinds: ${known.length > 0 ? known.join(', ') : '(none)'}`,
      { pack, caseKind, known: [...known] },
    );
  }
}

export class NoRuleInForceError extends ProbityError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('PRB_NO_RULE_IN_FORCE', message, details);
  }
}

export class ParameterNotInForceError extends ProbityError {
  constructor(parameterId: string, asOf: string, earliest?: string) {
    super(
      'PRB_PARAMETER_NOT_IN_FORCE',
      `parameter "${parameterId}" has no value in force on ${asOf}` +
        (earliest === undefined
          ? ''
          : `; its earliest value starts on ${earliest}, so choose an as-of date on or after it`),
      { parameterId, asOf, ...(earliest === undefined ? {} : { earliest }) },
    );
  }
}

export class UnknownParameterError extends ProbityError {
  constructor(parameterId: string, pack: string, known?: readonly string[]) {
    super(
      'PRB_UNKNOWN_PARAMETER',
      `pack "${pack}" declares no parameter "${parameterId}"` +
        (known === undefined
          ? ''
          : `; declared parameters: ${known.length > 0 ? known.join(', ') : '(none)'}`),
      { parameterId, pack },
    );
  }
}

export class PackDefinitionError extends ProbityError {
  readonly problems: string[];

  constructor(where: string, problems: readonly string[]) {
    super(
      'PRB_PACK_DEFINITION',
      `${where} is not a valid definition (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.join('; ')}`,
      { where, problems: [...problems] },
    );
    this.problems = [...problems];
  }
}

export class TransitionNotAllowedError extends ProbityError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('PRB_TRANSITION_NOT_ALLOWED', message, details);
  }
}

export class RuleFailedError extends ProbityError {
  constructor(ruleId: string, caseKind: string, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(
      'PRB_RULE_FAILED',
      `rule "${ruleId}" failed while evaluating case kind "${caseKind}": ${why}; this is a defect in the rule, not in the facts`,
      { rule: ruleId, caseKind },
    );
    this.cause = cause;
  }
}

export class InvalidPercentError extends ProbityError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('PRB_INVALID_PERCENT', message, details);
  }
}

export class InvalidPeriodError extends ProbityError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('PRB_INVALID_PERIOD', message, details);
  }
}

export class UnknownRuleError extends ProbityError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('PRB_UNKNOWN_RULE', message, details);
  }
}
