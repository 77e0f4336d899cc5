// The LEA's General Financial Policies (SOURCE.md, Appendix I, sections A–M), cited by every rule.
import { type Citation, cite } from '../../kernel/index.ts';

export const PACK_ID = 'lea-finance';
export const DOCUMENT = 'lea-general-financial-policies';

/**
 * The pack's effective date. The policies are undated; they cite Utah Code 53A-20, which Utah recodified
 * in 2018, so the fiscal year that began July 1, 2016 is taken as the first the rules judge
 * (docs/packs/lea-finance/interpretations.md).
 */
export const ADOPTED = '2016-07-01';
/** When the parameters were last compared with SOURCE.md. */
export const LAST_CHECKED = '2026-11-23';

/** A citation of a section of the policies as they number it (e.g. 'D.2.b', 'B.3.a(2)'), with the law
 * or rule the section names. */
export const section = (path: string, authority?: string, title?: string): Citation =>
  cite(PACK_ID, DOCUMENT, path, authority, title);
