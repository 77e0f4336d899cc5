import { type Citation, cite } from '../../kernel/index.ts';

export const PACK_ID = 'sample';
export const DOCUMENT = 'sample-petty-cash-policy';

/** A citation of a section of the sample policy (src/packs/sample/SOURCE.md). */
export const section = (path: string, title?: string): Citation =>
  cite(PACK_ID, DOCUMENT, path, undefined, title);
