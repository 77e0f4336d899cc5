// Units: the schools, departments or offices of the organisation, as a tree. A role can be granted in
// one unit only, and records belong to a unit, so this is where the organisation's shape is set.
import { type FormEvent, useState } from 'react';
import { post } from '../../api.ts';
import { generalError, useSubmit } from '../../components/admin/form-errors.ts';
import { type UnitNode, unitOptions, unitPath, unitTree } from '../../components/admin/people.ts';
import { Empty, ErrorNote, Field, Loading, Page } from '../../components/ui.tsx';
import { useOrg } from '../../org.tsx';
import type { Unit } from '../../types.ts';
import { useApi } from '../../use-api.ts';

interface UnitItem extends Unit {
  /** People holding a role in this unit (organisation-wide roles not counted). */
  memberCount?: number;
}

export default function Units() {
  const org = useOrg();
  const allowed = org.can('users.manage');
  const units = useApi<UnitItem[]>(org.api('/units'));
  const [created, setCreated] = useState<UnitItem | undefined>();
  const list = units.data ?? [];
  return (
    <Page
      title="Units"
      subtitle="The schools, departments or offices of the organisation. Records belong to a unit, and a role can be given in one unit only."
    >
      <div className="grid-2 units-layout">
        <section className="card" aria-labelledby="units-heading">
          <h2 id="units-heading" className="card-title">
            {list.length === 1 ? '1 unit' : `${list.length} units`}
          </h2>
          <ErrorNote error={units.error} />
          {units.loading && !units.data ? (
            <Loading what="the units" />
          ) : list.length === 0 ? (
            <Empty title="No units yet">
              {allowed
                ? 'Create the first one with the form: for example each school of a district, or each department.'
                : 'An administrator can create them.'}
            </Empty>
          ) : (
            <UnitTree nodes={unitTree(list)} highlight={created?.id} />
          )}
        </section>
        {allowed ? (
          <CreateUnit
            units={list}
            onCreated={(unit) => {
              setCreated(unit);
              units.reload();
              // The header's unit switcher lists units too.
              org.reloadUnits();
            }}
            created={created}
          />
        ) : (
          <p className="notice-note">Only administrators (who manage users) can create units.</p>
        )}
      </div>
    </Page>
  );
}

function UnitTree({ nodes, highlight }: { nodes: UnitNode<UnitItem>[]; highlight?: string | undefined }) {
  return (
    <ul className="tree">
      {nodes.map((n) => (
        <li key={n.unit.id}>
          <span className={n.unit.id === highlight ? 'tree-item new' : 'tree-item'}>
            <strong>{n.unit.name}</strong>
            {n.unit.memberCount !== undefined && (
              <span className="hint">
                {' '}
                —{' '}
                {n.unit.memberCount === 0
                  ? 'no roles given here yet'
                  : n.unit.memberCount === 1
                    ? '1 person has a role here'
                    : `${n.unit.memberCount} people have a role here`}
              </span>
            )}
            {n.unit.id === highlight && <span className="visually-hidden"> (just created)</span>}
          </span>
          {n.children.length > 0 && <UnitTree nodes={n.children} highlight={highlight} />}
        </li>
      ))}
    </ul>
  );
}

function CreateUnit({
  units,
  created,
  onCreated,
}: {
  units: UnitItem[];
  created: UnitItem | undefined;
  onCreated(unit: UnitItem): void;
}) {
  const org = useOrg();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const { error, busy, submit } = useSubmit();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(name.trim() ? [] : [{ path: '/name', message: 'enter a name for the unit' }], async () => {
      const unit = await post<UnitItem>(org.api('/units'), {
        name: name.trim(),
        ...(parentId ? { parentId } : {}),
      });
      setName('');
      setParentId('');
      onCreated(unit);
    });
  }
  const general = generalError(error, ['/name', '/parentId']);
  return (
    <section className="card" aria-labelledby="create-unit-heading">
      <h2 id="create-unit-heading" className="card-title">
        Create a unit
      </h2>
      <div aria-live="polite">
        {created && (
          <p className="ok-note">
            Unit “{unitPath([...units, created], created.id)}” created. You can now give people roles in it
            (Users and roles) and file records under it.
          </p>
        )}
      </div>
      <form onSubmit={onSubmit} noValidate aria-labelledby="create-unit-heading">
        <ErrorNote error={general} />
        <Field
          label="Name"
          hint="As people say it, e.g. “North High School” or “Finance office”."
          error={error?.fieldError('/name')}
          required
        >
          {(p) => <input {...p} value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field
          label="Part of"
          hint="A unit inside another, e.g. a department inside a school. Leave as it is for a top-level unit."
          error={error?.fieldError('/parentId')}
        >
          {(p) => (
            <select {...p} value={parentId} onChange={(e) => setParentId(e.target.value)}>
              <option value="">Nothing: a top-level unit</option>
              {unitOptions(units).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create unit'}
        </button>
      </form>
    </section>
  );
}
