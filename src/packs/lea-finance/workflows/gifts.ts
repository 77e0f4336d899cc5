// A gift in the register: reported, then accepted (only a lawful one), returned, or referred — a gratuity
// or kickback is reported to the attorney general's office as the statute requires (B.4.d(2)(c), B.4.e(b)).
import { defineMachine } from '../../../kernel/index.ts';
import { R } from '../rules/controls-common.ts';

const REVIEWERS = [R.businessAdministrator, R.administration, R.superintendent, R.supervisor, R.orgAdmin];

export const giftWorkflow = defineMachine({
  id: 'lea-finance.gift',
  title: 'Gift register entry',
  initial: 'reported',
  states: {
    reported: { title: 'Reported' },
    accepted: { title: 'Accepted', terminal: true },
    returned: { title: 'Declined or returned', terminal: true },
    referred: { title: 'Referred to the attorney general', terminal: true },
  },
  transitions: [
    {
      name: 'accept',
      title: 'Accept',
      from: ['reported'],
      to: 'accepted',
      guard: { caseKind: 'gift', rules: ['lea-finance.gifts.gratuity', 'lea-finance.gifts.kickback'] },
      roles: REVIEWERS,
    },
    { name: 'return', title: 'Decline or return', from: ['reported'], to: 'returned', roles: REVIEWERS },
    {
      name: 'refer',
      title: 'Refer to the attorney general',
      from: ['reported'],
      to: 'referred',
      roles: REVIEWERS,
    },
  ],
});
