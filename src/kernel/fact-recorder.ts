// A read-only view of validated facts that records every leaf a rule reads, keyed by dot path, so a
// finding's trace shows exactly the facts it rests on — not the whole case.

export interface FactRecorder {
  /** the view to hand to the rule */
  readonly root: unknown;
  /** leaf values read so far, in first-read order, keyed by dot path ("items.0.amount") */
  reads(): Record<string, unknown>;
  /** a plain deep copy of a value that may contain views, safe to keep after the rule has run */
  toPlain(value: unknown): unknown;
}

function isContainer(v: unknown): v is object {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return true;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function recordReads(facts: unknown): FactRecorder {
  const read = new Map<string, unknown>();
  const views = new Map<string, object>();
  const targets = new WeakMap<object, object>();

  const refuse = (path: string): never => {
    throw new TypeError(
      `facts are read-only, but the rule tried to change ${path === '' ? 'the facts' : `"${path}"`}`,
    );
  };

  const view = (target: object, path: string): object => {
    const cached = views.get(path);
    if (cached !== undefined && targets.get(cached) === target) return cached;
    const proxy = new Proxy(target, {
      get(t, prop, receiver) {
        // symbols (e.g. Symbol.iterator) and inherited members (e.g. Array.prototype.map) are not facts;
        // the iterator and array methods read elements back through this proxy, so those reads are recorded
        if (typeof prop === 'symbol' || !Object.hasOwn(t, prop)) return Reflect.get(t, prop, receiver);
        const value: unknown = Reflect.get(t, prop);
        const childPath = path === '' ? prop : `${path}.${prop}`;
        if (isContainer(value)) {
          const d = Object.getOwnPropertyDescriptor(t, prop);
          // a proxy must return the exact value of a frozen property; such values stay unrecorded
          if (d !== undefined && d.configurable === false && d.writable === false) return value;
          return view(value, childPath);
        }
        if (!read.has(childPath)) read.set(childPath, value);
        return value;
      },
      set: (_t, prop) => refuse(path === '' ? String(prop) : `${path}.${String(prop)}`),
      defineProperty: (_t, prop) => refuse(path === '' ? String(prop) : `${path}.${String(prop)}`),
      deleteProperty: (_t, prop) => refuse(path === '' ? String(prop) : `${path}.${String(prop)}`),
      setPrototypeOf: () => refuse(path),
    });
    views.set(path, proxy);
    targets.set(proxy, target);
    return proxy;
  };

  const toPlain = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const raw = targets.get(value) ?? value;
    if (Array.isArray(raw)) return raw.map(toPlain);
    if (isContainer(raw)) return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, toPlain(v)]));
    return raw;
  };

  return {
    root: isContainer(facts) ? view(facts, '') : facts,
    reads: () => Object.fromEntries(read),
    toPlain,
  };
}
