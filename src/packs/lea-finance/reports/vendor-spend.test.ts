// The vendor spend report counts what the rules count (not drafts, rejected or cancelled requisitions),
// by fiscal year July 1 – June 30, with its tones at 80% and over the threshold.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CalendarDate, parseDate, resolveParameter } from '../../../kernel/index.ts';
import type { ReportContext, ReportRecord } from '../../framework.ts';
import { procurementParameters } from '../parameters/procurement.ts';
import { buildVendorSpend } from './vendor-spend.ts';

const param =
  (asOf: CalendarDate): ReportContext['param'] =>
  <T>(id: string) => {
    const p = procurementParameters.find((x) => x.id === id);
    assert.ok(p, `parameter ${id}`);
    return resolveParameter<T>(p as never, asOf)!.value;
  };

let n = 0;
const requisition = (
  vendor: string,
  date: string,
  amountCents: number,
  state = 'paid',
  category = 'goods-services',
) =>
  ({
    id: `r${++n}`,
    kind: 'requisition',
    title: `${vendor} ${date}`,
    state,
    data: { vendor, requisitionDate: date, amountCents, category, description: 'x', commodity: 'x' },
  }) satisfies ReportRecord;
const vendor = (id: string, data: Record<string, unknown>): ReportRecord => ({
  id,
  kind: 'vendor',
  title: String(data.name),
  state: 'active',
  data,
});

const records: ReportRecord[] = [
  vendor('v1', { name: 'Summit Office Supply', recurring: true }),
  vendor('v2', { name: 'Carver Architects', approvedVendorList: true }),
  vendor('v3', { name: 'Peak Athletic Apparel', contractOnFile: true, contractEnds: '2027-06-30' }),
  requisition('Summit Office Supply', '2026-07-01', 4_000_000),
  requisition('summit office supply ', '2027-06-30', 1_000_001),
  requisition('Summit Office Supply', '2027-07-01', 700_000),
  requisition('Summit Office Supply', '2027-03-01', 900_000, 'rejected'),
  requisition('Summit Office Supply', '2027-03-02', 50_000, 'draft'),
  requisition('Carver Architects', '2027-01-10', 8_500_000, 'approved', 'professional-services'),
  requisition('Peak Athletic Apparel', '2026-10-01', 6_000_000, 'ordered'),
  requisition('Canyon Book Company', '2026-09-01', 100_000, 'awaiting-approval'),
];

const build = (asOf: string, fiscalYear?: string) => {
  const d = parseDate(asOf);
  return buildVendorSpend({
    asOf: d,
    param: param(d),
    fiscalYear: { startMonth: 7 },
    input: fiscalYear ? { fiscalYear } : {},
    records,
  });
};

describe('lea-finance: vendor spend report', () => {
  test('FY2027 runs July 1, 2026 – June 30, 2027, names over and near vendors, and leaves drafts apart', () => {
    const doc = build('2027-06-30');
    assert.equal(doc.title, 'Vendor spend FY2027');
    const rows = doc.sections[0]?.table?.rows ?? [];
    const byName = new Map(rows.map((r) => [JSON.stringify(r[0]), r]));
    const summit = byName.get(JSON.stringify({ record: 'v1', text: 'Summit Office Supply' }));
    assert.deepEqual(summit?.slice(1, 6), [
      2,
      { cents: 5_000_001 },
      '100.00%',
      {
        text: 'Over the threshold: bid or RFP required (B.1.c); contract needed if feasible (B.2.a)',
        tone: 'bad',
      },
      { cents: 50_000 },
    ]);
    const peak = byName.get(JSON.stringify({ record: 'v3', text: 'Peak Athletic Apparel' }));
    assert.deepEqual(peak?.[4], { text: 'Over the threshold; contract on file', tone: 'warn' });
    const canyon = byName.get(JSON.stringify('Canyon Book Company (no vendor record)'));
    assert.deepEqual(canyon?.[4], { text: 'Within the threshold', tone: 'ok' });
    const carver = byName.get(JSON.stringify({ record: 'v2', text: 'Carver Architects' }));
    assert.deepEqual(carver?.[4], { text: 'Over the threshold: bid or RFP required (B.1.c)', tone: 'bad' });
    const pro = doc.sections[1]?.table?.rows ?? [];
    assert.deepEqual(pro[0]?.slice(2), [
      { cents: 8_500_000 },
      '85.00%',
      { text: 'Near the ceiling (85.00%)', tone: 'warn' },
    ]);
  });

  test('on July 1 the new fiscal year starts from zero; an earlier one can be asked for by name', () => {
    const next = build('2027-07-01');
    assert.equal(next.title, 'Vendor spend FY2028');
    const summit = next.sections[0]?.table?.rows.find((r) => JSON.stringify(r[0]).includes('v1'));
    assert.deepEqual(summit?.slice(1, 5), [
      1,
      { cents: 700_000 },
      '14.00%',
      { text: 'Within the threshold', tone: 'ok' },
    ]);
    assert.equal(build('2027-07-01', 'FY2027').title, 'Vendor spend FY2027');
  });

  test('a vendor at 80% of the threshold is near it, just under 80% is within', () => {
    const at = (cents: number) =>
      buildVendorSpend({
        asOf: parseDate('2026-09-01'),
        param: param(parseDate('2026-09-01')),
        fiscalYear: { startMonth: 7 },
        input: {},
        records: [requisition('Solo Vendor', '2026-08-01', cents)],
      }).sections[0]?.table?.rows[0]?.[4];
    assert.deepEqual(at(4_000_000), { text: 'Near the threshold (80.00%)', tone: 'warn' });
    assert.deepEqual(at(3_999_999), { text: 'Within the threshold', tone: 'ok' });
  });
});
