// Workflows are state machines whose transitions may be guarded by rules: a transition is refused
// when its guard rules find a violation, and the record of the attempt carries those findings.
import type { CalendarDate } from './date.ts';
import { PackDefinitionError, TransitionNotAllowedError } from './errors.ts';
import { evaluate } from './evaluate.ts';
import type { Finding } from './finding.ts';
import type { Pack } from './pack.ts';
import type { ParameterOverride } from './parameter.ts';

export interface MachineState {
  title: string;
  terminal?: boolean;
}

export interface Transition {
  name: string;
  title: string;
  from: readonly string[];
  to: string;
  /** rules of the pack to evaluate on the case's facts; any violation refuses the transition */
  guard?: { caseKind: string; rules: readonly string[] };
  /** who may take it; enforced by the app layer, which knows the actor's roles */
  roles?: readonly string[];
}

export interface Machine {
  id: string;
  title: string;
  initial: string;
  states: Readonly<Record<string, MachineState>>;
  transitions: readonly Transition[];
}

export function defineMachine(def: Machine): Machine {
  const problems: string[] = [];
  const states = Object.keys(def.states);
  const known = (s: string): boolean => Object.hasOwn(def.states, s);
  const listed = states.join(', ') || 'none';
  if (states.length === 0) problems.push('it declares no states');
  if (!known(def.initial))
    problems.push(`initial state "${def.initial}" is not declared (declared: ${listed})`);
  const namesByState = new Map<string, Set<string>>();
  for (const t of def.transitions) {
    if (t.from.length === 0) problems.push(`transition "${t.name}" has no from-state`);
    if (!known(t.to))
      problems.push(`transition "${t.name}" goes to undeclared state "${t.to}" (declared: ${listed})`);
    if (t.guard !== undefined && t.guard.rules.length === 0)
      problems.push(`transition "${t.name}" has a guard with no rules`);
    for (const f of t.from) {
      if (!known(f)) {
        problems.push(`transition "${t.name}" leaves undeclared state "${f}" (declared: ${listed})`);
        continue;
      }
      if (def.states[f]?.terminal === true)
        problems.push(`transition "${t.name}" leaves terminal state "${f}"; a terminal state has no way out`);
      const names = namesByState.get(f) ?? new Set<string>();
      if (names.has(t.name))
        problems.push(
          `state "${f}" has two transitions named "${t.name}"; names must be unique per from-state`,
        );
      names.add(t.name);
      namesByState.set(f, names);
    }
  }
  if (problems.length > 0) throw new PackDefinitionError(`workflow "${def.id}"`, problems);
  return def;
}

export function availableTransitions(machine: Machine, state: string): Transition[] {
  return machine.transitions.filter((t) => t.from.includes(state));
}

export interface TransitionRecord {
  transition: string;
  from: string;
  to: string;
  actor: string;
  /** ISO instant of the attempt */
  at: string;
  asOf: CalendarDate;
  findings: Finding[];
  allowed: boolean;
}

export interface TransitionAttempt {
  state: string;
  transition: string;
  facts?: unknown;
  actor: string;
  at: Date;
  asOf: CalendarDate;
  overrides?: readonly ParameterOverride[];
  org?: string;
}

export function attemptTransition(pack: Pack, machine: Machine, input: TransitionAttempt): TransitionRecord {
  if (!Object.hasOwn(machine.states, input.state)) {
    throw new TransitionNotAllowedError(
      `workflow "${machine.id}" has no state "${input.state}"; its states are: ${Object.keys(machine.states).join(', ')}`,
      { workflow: machine.id, state: input.state, transition: input.transition },
    );
  }
  const possible = availableTransitions(machine, input.state);
  const t = possible.find((x) => x.name === input.transition);
  if (t === undefined) {
    const allowed = possible.map((x) => x.name);
    throw new TransitionNotAllowedError(
      `workflow "${machine.id}" has no transition "${input.transition}" from state "${input.state}"; ` +
        (allowed.length > 0
          ? `allowed from there: ${allowed.join(', ')}`
          : 'no transition leaves that state'),
      { workflow: machine.id, state: input.state, transition: input.transition, allowed },
    );
  }
  let findings: Finding[] = [];
  if (t.guard !== undefined) {
    findings = evaluate(pack, t.guard.caseKind, input.facts, {
      asOf: input.asOf,
      only: t.guard.rules,
      ...(input.org === undefined ? {} : { org: input.org }),
      ...(input.overrides === undefined ? {} : { overrides: input.overrides }),
    }).findings;
  }
  return {
    transition: t.name,
    from: input.state,
    to: t.to,
    actor: input.actor,
    at: input.at.toISOString(),
    asOf: input.asOf,
    findings,
    allowed: !findings.some((f) => f.kind === 'violation'),
  };
}
