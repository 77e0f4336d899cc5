// Figures only the ledger screens read (src/packs/lea-finance/screening). The policies require payment
// against a matched invoice (I.4–I.5) but name no period within which two equal payments to one vendor are
// suspect; the pack's reading is a week, which an organisation can override.
import { since } from './since.ts';

export const duplicateWindowDays = since({
  id: 'lea-finance.screening.duplicate_window_days',
  title: 'Days within which equal payments to one vendor are read as a possible duplicate',
  description:
    'Two payments of the same amount to the same vendor, each within this many calendar days of the one before and against different (or no) invoice numbers, are reported as a possible duplicate payment.',
  unit: 'days',
  value: 7,
  section: 'I.5',
  note: 'I.4–I.5 require each payment to match its invoice, purchase order and receiving document; they name no window for duplicates. Seven calendar days is the pack default.',
});

export const screeningParameters = [duplicateWindowDays];
