// A vendor is active while the LEA buys from it; purchasing or accounting can set it inactive and back.
import { defineMachine } from '../../../kernel/index.ts';
import type { Derivation, RecordKind } from '../../framework.ts';
import { type VendorFacts, vendorFacts } from '../schemas/vendor.ts';
import { NOT_PURCHASES } from './requisition.ts';

export const vendorWorkflow = defineMachine({
  id: 'lea-finance.vendor',
  title: 'Vendor',
  initial: 'active',
  states: {
    active: { title: 'Active' },
    inactive: { title: 'Inactive' },
  },
  transitions: [
    {
      name: 'deactivate',
      title: 'Set inactive',
      from: ['active'],
      to: 'inactive',
      roles: ['lea-finance.purchasing', 'lea-finance.accounting', 'org-admin'],
    },
    {
      name: 'reactivate',
      title: 'Set active',
      from: ['inactive'],
      to: 'active',
      roles: ['lea-finance.purchasing', 'lea-finance.accounting', 'org-admin'],
    },
  ],
});

export const vendorTitleOf = (d: VendorFacts): string => d.name;

/** The vendor's spend: requisitions naming it, in the fiscal year of its `asOfDate` (B.1.c). */
export const vendorRelated: readonly Derivation[] = [
  {
    into: 'fiscalYearSpendCents',
    kinds: ['requisition'],
    match: { vendor: 'name' },
    dateField: 'asOfDate',
    relatedDateField: 'requisitionDate',
    asOfWhenMissing: true,
    window: { kind: 'fiscal-year' },
    excludeStates: NOT_PURCHASES,
    fold: { kind: 'sum', field: 'amountCents' },
  },
];

export const vendorRecord: RecordKind<VendorFacts> = {
  id: 'vendor',
  title: 'Vendor',
  schema: vendorFacts,
  caseKind: 'vendor',
  workflow: vendorWorkflow.id,
  titleOf: vendorTitleOf,
  related: vendorRelated,
};
