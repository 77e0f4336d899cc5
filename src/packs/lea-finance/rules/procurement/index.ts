// The procurement rules of the pack: requisitions (purchase orders), vendors and sole-source requests.
import {
  authorisationBeforePurchase,
  requiredSignatures,
  selfApproval,
  signatureOrder,
} from './approvals.ts';
import { decisionTree, procurementMethod, quoteCompleteness, quotesRequired } from './method.ts';
import { personalUse, threeWayMatch, title1Affixation } from './payment.ts';
import {
  soleSourceApproval,
  soleSourceDetermination,
  soleSourcePublicComment,
  soleSourceSelfApproval,
  soleSourceUniqueness,
} from './sole-source.ts';
import { vendorAnnualSpend, vendorRecurringContract } from './vendor.ts';
import { recurringContract, splitPurchase, vendorAnnualCumulative } from './vendor-totals.ts';

export const requisitionRules = [
  decisionTree,
  procurementMethod,
  quotesRequired,
  quoteCompleteness,
  requiredSignatures,
  signatureOrder,
  selfApproval,
  authorisationBeforePurchase,
  splitPurchase,
  vendorAnnualCumulative,
  recurringContract,
  threeWayMatch,
  title1Affixation,
  personalUse,
];

export const vendorRules = [vendorAnnualSpend, vendorRecurringContract];

export const soleSourceRules = [
  soleSourceUniqueness,
  soleSourceDetermination,
  soleSourceApproval,
  soleSourceSelfApproval,
  soleSourcePublicComment,
];

export const procurementRules = [...requisitionRules, ...vendorRules, ...soleSourceRules];

/** Rules whose violations mean one person would hold duties the policy keeps apart. */
export const procurementSegregationRules = [selfApproval.id, soleSourceSelfApproval.id];
