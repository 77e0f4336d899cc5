// A tiny pack used by the evaluate, pack and workflow tests.
import { z } from 'zod';
import { cite } from './citation.ts';
import type { FindingDraft } from './finding.ts';
import { sumMoney } from './money.ts';
import { definePack } from './pack.ts';
import { defineParameter } from './parameter.ts';
import { defineRule } from './rule.ts';
import { defineMachine } from './state-machine.ts';
import { zCalendarDate, zCents } from './zod.ts';

export const DOC = 'demo-policy.txt';
export const quotesCitation = cite('demo', DOC, 'B.1.c', 'Utah Code 63G-6a-408');
export const approvalCitation = cite('demo', DOC, 'B.2');

export const purchaseSchema = z.object({
  vendor: z.string().min(1),
  date: zCalendarDate,
  items: z.array(z.object({ description: z.string(), amount: zCents })).min(1),
  approvedBy: z.string().optional(),
  rush: z.boolean().default(false),
});
export type Purchase = z.infer<typeof purchaseSchema>;

export const threshold = defineParameter<number>({
  id: 'demo.threshold',
  title: 'Purchase needing quotes',
  unit: 'cents',
  values: [
    { from: '2020-01-01', value: 100000, citation: quotesCitation },
    { from: '2025-07-01', value: 200000, citation: quotesCitation },
  ],
  lastChecked: '2025-06-01',
});

export const unused = defineParameter<boolean>({
  id: 'demo.unused',
  title: 'Never read by a rule',
  unit: 'boolean',
  values: [{ from: '2020-01-01', value: true, citation: quotesCitation }],
  lastChecked: '2025-06-01',
});

export const quotesRule = defineRule<Purchase>({
  id: 'demo.quotes',
  title: 'Quotes above the threshold',
  citations: [quotesCitation],
  effective: { from: '2020-01-01' },
  appliesTo: ['purchase'],
  evaluate(facts, ctx) {
    const total = sumMoney(facts.items.map((i) => i.amount));
    const limit = ctx.param<number>('demo.threshold');
    const out: FindingDraft[] = [{ kind: 'value', message: 'total of the purchase', values: { total } }];
    if (total > limit)
      out.push({ kind: 'requirement', message: 'obtain three quotes', values: { total, limit } });
    return out;
  },
});

export const approvalRule = defineRule<Purchase>({
  id: 'demo.approval',
  title: 'Approval before purchase',
  citations: [approvalCitation],
  effective: { from: '2020-01-01', to: '2030-12-31' },
  appliesTo: ['purchase'],
  evaluate(facts) {
    if (facts.approvedBy !== undefined) return [];
    return [
      { kind: 'violation', message: `purchase from ${facts.vendor} has no approver`, subject: facts.vendor },
    ];
  },
});

export const retiredRule = defineRule<Purchase>({
  id: 'demo.retired',
  title: 'An old rule no longer in force',
  citations: [approvalCitation],
  effective: { from: '2010-01-01', to: '2015-12-31' },
  appliesTo: ['purchase'],
  evaluate: () => [{ kind: 'notice', message: 'old' }],
});

export const purchaseWorkflow = defineMachine({
  id: 'purchase',
  title: 'Purchase',
  initial: 'draft',
  states: {
    draft: { title: 'Draft' },
    submitted: { title: 'Submitted' },
    paid: { title: 'Paid', terminal: true },
  },
  transitions: [
    { name: 'submit', title: 'Submit', from: ['draft'], to: 'submitted' },
    {
      name: 'pay',
      title: 'Pay',
      from: ['submitted'],
      to: 'paid',
      guard: { caseKind: 'purchase', rules: ['demo.approval'] },
      roles: ['finance'],
    },
    { name: 'withdraw', title: 'Withdraw', from: ['submitted'], to: 'draft' },
  ],
});

export const demoPack = definePack({
  manifest: {
    id: 'demo',
    title: 'Demo',
    version: '1.2.3',
    source: { document: DOC, title: 'Demo policy' },
    effective: '2020-01-01',
  },
  parameters: [threshold, unused],
  rules: [quotesRule, approvalRule, retiredRule],
  caseKinds: { purchase: { id: 'purchase', title: 'Purchase', schema: purchaseSchema } },
  workflows: { purchase: purchaseWorkflow },
  fiscalYear: { startMonth: 7 },
});

export const goodFacts = {
  vendor: 'Acme',
  date: '2025-06-30',
  items: [
    { description: 'desks', amount: 80000 },
    { description: 'chairs', amount: 40000 },
  ],
  approvedBy: 'J. Smith',
};
