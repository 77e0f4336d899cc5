// The kernel's public surface: pure domain primitives with no I/O and no imports from the rest of Probity.
export * from './basis-points.ts';
export * from './citation.ts';
export * from './date.ts';
export * from './errors.ts';
export * from './evaluate.ts';
export * from './fact-recorder.ts';
export * from './finding.ts';
export * from './money.ts';
export * from './pack.ts';
export * from './parameter.ts';
export * from './period.ts';
export * from './rule.ts';
export * from './state-machine.ts';
export * from './zod.ts';
