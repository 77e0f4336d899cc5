import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ReportRecord } from '../../framework.ts';
import { controlsParameters } from '../parameters/controls.ts';
import { reconciliationStatusReport } from './reconciliation-status.ts';

const param = <T>(id: string): T => controlsParameters.find((p) => p.id === id)!.values[0]!.value as T;
const rec = (id: string, kind: string, data: object): ReportRecord => ({
  id,
  kind,
  title: id,
  state: 'x',
  data,
});

function build(asOf: string, records: ReportRecord[], input: Record<string, unknown> = {}) {
  return reconciliationStatusReport.build({
    asOf: asOf as never,
    param,
    fiscalYear: { startMonth: 7 },
    input,
    records,
  });
}

describe('reconciliation status report', () => {
  const records = [
    rec('b1', 'bank-reconciliation', {
      account: 'Operating 3310',
      month: '2025-09',
      performedBy: 'Ruth Alvarez',
      performedOn: '2025-10-06',
      reviewedBy: 'Tom Becker',
      reviewedOn: '2025-10-09',
    }),
    rec('b2', 'bank-reconciliation', {
      account: 'Operating 3310',
      month: '2025-11',
      performedBy: 'Ruth Alvarez',
      performedOn: '2025-12-02',
    }),
    rec('c1', 'card-statement', { cardId: '4821', holder: 'Maria Chen', statementMonth: '2025-11' }),
  ];

  test('reads each month of the fiscal year as reviewed, missing, awaiting review or not recorded', () => {
    const doc = build('2025-12-15', records);
    assert.equal(doc.title, 'Reconciliation status, FY2026');
    const bank = doc.sections[0]!.table!;
    assert.equal(bank.columns[1], 'Jul 2025');
    assert.equal(bank.columns[12], 'Jun 2026');
    const row = bank.rows[0]!;
    assert.equal(row[0], 'Operating 3310');
    assert.equal(row[1], 'Not recorded'); // July, before the first record
    assert.deepEqual(row[3], { text: 'Reviewed', tone: 'ok' }); // September
    assert.deepEqual(row[4], { text: 'Missing', tone: 'bad' }); // October, due November 30
    assert.deepEqual(row[5], { text: 'Done, review due Tue 30 Dec 2025', tone: 'warn' }); // November
    assert.equal(row[6], ''); // December has not ended
    const card = doc.sections[1]!.table!.rows[0]!;
    assert.equal(card[0], 'Card 4821 (Maria Chen)');
    assert.deepEqual(card[5], { text: 'Due Tue 30 Dec 2025', tone: 'warn' });
  });

  test('a month not done 31 days after it ends is overdue, and a done one whose review is late says so', () => {
    const doc = build('2025-12-31', records);
    assert.deepEqual(doc.sections[0]!.table!.rows[0]![5], { text: 'Done, review overdue', tone: 'bad' });
    assert.deepEqual(doc.sections[1]!.table!.rows[0]![5], { text: 'Overdue', tone: 'bad' });
  });

  test('links every record and reads a fiscal year given as input', () => {
    const doc = build('2026-08-01', records, { fiscalYear: 'FY2026' });
    assert.equal(doc.subtitle, 'Tue 1 Jul 2025 to Tue 30 Jun 2026, as of Sat 1 Aug 2026');
    const listed = doc.sections[2]!.table!.rows;
    assert.deepEqual(
      listed.map((r) => r[0]),
      [
        { record: 'b1', text: 'b1' },
        { record: 'b2', text: 'b2' },
        { record: 'c1', text: 'c1' },
      ],
    );
    assert.equal(build('2026-08-01', records).title, 'Reconciliation status, FY2027');
    assert.match(build('2026-08-01', records).sections[0]!.paragraphs![0]!, /No bank reconciliation/);
  });

  test('refuses a fiscal year that is not one', () => {
    assert.equal(reconciliationStatusReport.input!.safeParse({ fiscalYear: 'next year' }).success, false);
    assert.equal(reconciliationStatusReport.input!.safeParse({ fiscalYear: '2026' }).success, true);
  });
});
