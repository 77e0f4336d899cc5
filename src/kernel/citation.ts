// A citation names where a rule or value comes from, as the source document numbers it, so every
// finding can be checked against the text by hand.

export interface Citation {
  /** the pack the source belongs to */
  pack: string;
  /** the source document's id or file name */
  document: string;
  /** the section path as the document prints it, e.g. 'B.1.c', '5.7(2)' */
  section: string;
  /** the law or rule the section rests on, e.g. 'Utah Code 63G-6a-408' */
  authority?: string;
  title?: string;
}

export function cite(
  pack: string,
  document: string,
  section: string,
  authority?: string,
  title?: string,
): Citation {
  return {
    pack,
    document,
    section,
    ...(authority === undefined ? {} : { authority }),
    ...(title === undefined ? {} : { title }),
  };
}

/** "§ B.1.c — Utah Code 63G-6a-408", or "§ B.1.c" without an authority. */
export function formatCitation(c: Citation): string {
  return c.authority === undefined ? `§ ${c.section}` : `§ ${c.section} — ${c.authority}`;
}
