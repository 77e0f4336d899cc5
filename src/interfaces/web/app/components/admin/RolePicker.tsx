// Choosing a role and where it applies. Each role is a radio with what it lets the person do, so the
// choice is made on meaning, not on a role id; the place is the whole organisation or one unit.
import { useId } from 'react';
import type { Role, Unit } from '../../types.ts';
import { Field } from '../ui.tsx';
import { describeRole, unitOptions } from './people.ts';

export function RolePicker({
  roles,
  value,
  onChange,
  error,
  legend = 'Role',
}: {
  roles: readonly Role[];
  value: string;
  onChange(role: string): void;
  error?: string | undefined;
  legend?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className={error ? 'field role-picker invalid' : 'field role-picker'}>
      <legend>
        {legend}{' '}
        <span className="required" aria-hidden="true">
          *
        </span>
      </legend>
      {roles.map((role) => {
        const d = describeRole(role);
        const optionId = `${id}-${role.id}`;
        return (
          <div className="radio-option" key={role.id}>
            <input
              type="radio"
              id={optionId}
              name={id}
              value={role.id}
              checked={value === role.id}
              onChange={() => onChange(role.id)}
              aria-describedby={[`${optionId}-d`, error ? errorId : ''].filter(Boolean).join(' ')}
              aria-invalid={error ? true : undefined}
              required
            />
            <div>
              <label htmlFor={optionId}>{d.name}</label>
              <div className="hint" id={`${optionId}-d`}>
                {d.description || d.can}
              </div>
            </div>
          </div>
        );
      })}
      {error && (
        <div className="field-error" id={errorId}>
          {error}
        </div>
      )}
    </fieldset>
  );
}

/** Where a role applies: the whole organisation, or one unit (and, by the server's rules, only there). */
export function UnitPicker({
  units,
  value,
  onChange,
  error,
}: {
  units: readonly Unit[];
  value: string;
  onChange(unitId: string): void;
  error?: string | undefined;
}) {
  return (
    <Field
      label="Where the role applies"
      hint="The whole organisation, or only the records of one unit (a school, department or office)."
      error={error}
    >
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">The whole organisation</option>
          {unitOptions(units).map((u) => (
            <option key={u.id} value={u.id}>
              Only in {u.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
