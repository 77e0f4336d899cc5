// A pack's source document (the policy or regulation its citations name) as blocks a reader can show
// and a citation can point into. Pure: text in, blocks out; it never throws on odd input, because the
// documents come as they were published (markdown, plain text, converted PDFs) and are not ours to fix.
//
// Splitting: a block ends at a blank line, and a new one starts at a heading, a list item, a line that
// opens with a section number, or a capitalised line after one that ended a sentence (documents with
// one paragraph per line and no blank lines between them). Lines of a hard-wrapped paragraph join.
//
// Section numbers: a block that opens with a number gets the section path a citation would use.
// Dotted numbers ('2.1', '1035.1:', '5.7(2)', '418-1.6(l)', 'B.1.c') and prefixed ones ('§ 4.2',
// 'Section 12.3' on a heading line) stand alone; single-level markers ('1.', 'A.', 'IV.', 'a.', '(1)',
// '1)', '(a)', '(ii)') nest like a legal outline, so under 'B.' and '4.' the item 'c.' is 'B.4.c' and
// its '(1)' is 'B.4.c(1)'. The first block of each section gets the id 's-<section>', others 'p-<n>'.

export interface SourceBlock {
  id: string;
  kind: 'heading' | 'paragraph';
  /** Heading level: markdown's number of '#', else 1 + the depth of the section number. */
  level?: number;
  /** The section path the block opens with, as a citation names it. */
  section?: string;
  text: string;
}

type Style =
  | 'abs'
  | 'num'
  | 'upper'
  | 'roman'
  | 'lower'
  | 'lroman'
  | 'pnum'
  | 'pnum-close'
  | 'plower'
  | 'plower-close'
  | 'plroman'
  | 'plroman-close'
  | 'pupper';

interface Marker {
  style: Style;
  value: string;
  /** The rest of the line after the marker. */
  rest: string;
}

interface Level {
  style: Style;
  value: string;
  path: string;
}

const PAREN_STYLES: ReadonlySet<Style> = new Set([
  'pnum',
  'pnum-close',
  'plower',
  'plower-close',
  'plroman',
  'plroman-close',
  'pupper',
]);

const COMPONENT = String.raw`\d{1,4}(?:-\d{1,3})?`;
const PARENS = String.raw`(?:\([0-9A-Za-z]{1,4}\))*`;
// '2.1', '3.12.', '1035.1:', '5.7(2)', '418-1.6(l)', '414.2(a)(6)'
const DOTTED = new RegExp(String.raw`^(${COMPONENT}(?:\.${COMPONENT})+(?:\.[a-z])?${PARENS})\.?(?=[\s:]|$)`);
// 'B.1.c', 'A.7.a(1)': a capital letter, then at least one number
const LETTER_DOTTED = new RegExp(
  String.raw`^([A-Z](?:\.${COMPONENT})(?:\.(?:${COMPONENT}|[a-z]{1,3}))*${PARENS})\.?(?=[\s:]|$)`,
);
const PREFIXED = new RegExp(
  String.raw`^(?:§{1,2}\s*|(?:section|sec\.|article|art\.)\s+)((?:${COMPONENT}|[IVXLC]{1,7}|[A-Z])(?:\.(?:${COMPONENT}|[A-Za-z]{1,3}))*${PARENS})\.?(?=[\s:.\u2013\u2014-]|$)`,
  'i',
);
const ROMAN = /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/i;

const isRoman = (s: string) => ROMAN.test(s);

function previousLetter(c: string): string {
  return String.fromCharCode(c.charCodeAt(0) - 1);
}

/** The marker a (cleaned) line opens with, if any. */
function markerOf(text: string, stack: readonly Level[], headingLike: boolean): Marker | undefined {
  let m = PREFIXED.exec(text);
  // 'Section 20(3)(d) of the Social Services Law authorizes …' cites a law; it does not open a section.
  if (m && (headingLike || /^[.:\u2013\u2014-]/.test(text.slice(m[0].length).trim()))) {
    return { style: 'abs', value: m[1]!, rest: text.slice(m[0].length) };
  }
  m = DOTTED.exec(text) ?? LETTER_DOTTED.exec(text);
  if (m) return { style: 'abs', value: m[1]!, rest: text.slice(m[0].length) };
  const single: [RegExp, (v: string) => Style][] = [
    [/^(\d{1,3})\.(?=\s|$)/, () => 'num'],
    [/^\((\d{1,3})\)(?=\s|$)/, () => 'pnum'],
    [/^(\d{1,3})\)(?=\s|$)/, () => 'pnum-close'],
    [/^([IVXLC]{1,7})\.(?=\s|$)/, (v) => upperStyle(v, stack)],
    [/^([A-Z])\.(?=\s|$)/, () => 'upper'],
    [/^([a-z]{1,5})\.(?=\s|$)/, (v) => lowerStyle(v, stack, 'lower', 'lroman')],
    [/^\(([a-z]{1,4})\)(?=\s|$)/, (v) => lowerStyle(v, stack, 'plower', 'plroman')],
    [/^([a-z]{1,4})\)(?=\s|$)/, (v) => lowerStyle(v, stack, 'plower-close', 'plroman-close')],
    [/^\(([A-Z])\)(?=\s|$)/, () => 'pupper'],
  ];
  for (const [re, style] of single) {
    const s = re.exec(text);
    if (!s) continue;
    const value = s[1]!;
    const st = style(value);
    // 'a.' or 'ab.' that is neither one letter nor a roman numeral is a word ('etc.'), not a marker.
    if ((st === 'lower' && value.length > 1) || (st === 'roman' && !isRoman(value))) continue;
    if ((st === 'plower' || st === 'plower-close') && value.length > 2) continue;
    return { style: st, value, rest: text.slice(s[0].length) };
  }
  return undefined;
}

function upperStyle(v: string, stack: readonly Level[]): Style {
  if (v.length > 1) return 'roman';
  // 'I.', 'V.', 'X.' are letters when they follow 'H.', 'U.', 'W.' at their level, else numerals.
  const letters = stack.find((l) => l.style === 'upper');
  if (letters && letters.value === previousLetter(v)) return 'upper';
  if (stack.some((l) => l.style === 'roman')) return 'roman';
  return v === 'I' ? 'roman' : 'upper';
}

function lowerStyle(v: string, stack: readonly Level[], letter: Style, roman: Style): Style {
  if (!/^[ivxlc]+$/.test(v)) return letter;
  if (v.length > 1) return isRoman(v) ? roman : letter;
  const letters = stack.find((l) => l.style === letter);
  if (letters && letters.value === previousLetter(v)) return letter;
  if (stack.some((l) => l.style === roman)) return roman;
  return v === 'i' ? roman : letter;
}

function join(parentPath: string | undefined, style: Style, value: string): string {
  const own = PAREN_STYLES.has(style) ? `(${value})` : value;
  if (parentPath === undefined) return own;
  return PAREN_STYLES.has(style) ? `${parentPath}${own}` : `${parentPath}.${own}`;
}

/** Applies a marker to the outline and returns the section path it opens. */
function enter(stack: Level[], m: Marker, mdHeading: boolean): string {
  // Capital roman numerals ('IV.') and lettered markdown headings ('### B. Thresholds') divide the
  // document into parts; they are not items of the section before them.
  const part = m.style === 'roman' || (mdHeading && m.style === 'upper');
  if (m.style === 'abs' || (part && !stack.some((l) => l.style === m.style))) {
    stack.splice(0, stack.length, { style: m.style, value: m.value, path: m.value });
    return m.value;
  }
  // A numbered item under a numbered section starts the next top-level section ('4.' after '3.2');
  // under a lettered or roman one it is an item of it ('1.' under 'A.' is 'A.1').
  if (m.style === 'num' && (stack.length === 0 || stack[0]!.style === 'abs' || stack[0]!.style === 'num')) {
    stack.splice(0, stack.length, { style: 'num', value: m.value, path: m.value });
    return m.value;
  }
  const at = stack.findIndex((l) => l.style === m.style);
  if (at >= 0) stack.splice(at);
  const path = join(stack.at(-1)?.path, m.style, m.value);
  stack.push({ style: m.style, value: m.value, path });
  return path;
}

/** The form citations use: no '§' or 'Section', no spaces, no trailing dot. */
export function normaliseSection(section: string): string {
  return section
    .trim()
    .replace(/^(?:§{1,2}|section\b|sec\.|article\b|art\.)\s*/i, '')
    .replace(/\s+/g, '')
    .replace(/\.$/, '');
}

/** '2.1.3' → '2.1', '5.7(2)' → '5.7', 'B.1.c' → 'B.1', '2' → undefined. */
export function parentSection(section: string): string | undefined {
  const paren = /\([^()]*\)$/.exec(section);
  if (paren && paren.index > 0) return section.slice(0, paren.index);
  const dot = section.lastIndexOf('.');
  return dot > 0 ? section.slice(0, dot) : undefined;
}

const TOC_LINE = /(?:\t\s*|\.{4,}\s*| {3,})\d{1,4}\s*$/;
const MD_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const BULLET = /^\s*(?:[-*+\u2022\u25e6\u25aa\u00b7])\s+/;
const ENDS_SENTENCE = /[.!?:;]["'\u201d\u2019)\]]*$/;

/** Markdown emphasis and escapes removed, whitespace collapsed: the text a reader sees. */
function cleanText(s: string): string {
  return s
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])\*(\S(?:[^*]*?\S)?)\*(?=[\s.,;:)]|$)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!$])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Line {
  text: string;
  md?: number;
  bullet: boolean;
  toc: boolean;
  /** The whole line is bold: a heading in documents converted from word processors. */
  bold: boolean;
}

function readLine(raw: string): Line {
  const toc = TOC_LINE.test(raw) && raw.trim().length < 160;
  const md = MD_HEADING.exec(raw);
  if (md) return { text: cleanText(md[2]!), md: md[1]!.length, bullet: false, toc: false, bold: false };
  const bullet = BULLET.test(raw);
  const bold = /^\s*\*\*[^*]{1,120}\*\*:?\s*$/.test(raw);
  return { text: cleanText(bullet ? raw.replace(BULLET, '') : raw), bullet, toc, bold };
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** A short line that reads as a title rather than a sentence ('4.1. Whose Effort Must Be Certified?'). */
function looksLikeHeading(text: string, numbered = false): boolean {
  if (text.length > 90 || !/\p{L}/u.test(text) || /^\p{Ll}/u.test(text)) return false;
  if (/[,;]$/.test(text)) return false;
  if (/:$/.test(text)) return words(text) <= 6;
  if (/\?["'\u201d)]*$/.test(text)) return numbered && words(text) <= 12;
  if (/[.!]["'\u201d)]*$/.test(text)) return numbered && words(text) <= 2;
  return words(text) <= 14;
}

/** Splits a source document into headings and paragraphs with the section each opens. */
export function parseSource(source: string): SourceBlock[] {
  const lines = source
    .replace(/\r\n?/g, '\n')
    .replace(/^\uFEFF/, '')
    .split('\n');
  const groups: Line[][] = [];
  let current: Line[] = [];
  const flush = () => {
    if (current.length > 0) groups.push(current);
    current = [];
  };
  for (const raw of lines) {
    if (raw.trim() === '') {
      flush();
      continue;
    }
    const line = readLine(raw);
    if (line.text === '') continue;
    if (line.md !== undefined) {
      flush();
      groups.push([line]);
      continue;
    }
    const prev = current.at(-1);
    const startsAnew =
      prev === undefined ||
      line.bullet ||
      line.toc ||
      prev.toc ||
      /^(?:\(?[0-9]{1,3}[.)]|\(?(?:[A-Za-z]|[ivxIVX]{2,5})[.)]\s|§|\d{1,4}\.\d)/.test(line.text) ||
      (/^[\p{Lu}\p{N}"'\u201c([]/u.test(line.text) &&
        (ENDS_SENTENCE.test(prev.text) || (prev.text.length <= 60 && looksLikeHeading(prev.text))));
    if (startsAnew) flush();
    current.push(line);
  }
  flush();

  const blocks: SourceBlock[] = [];
  const stack: Level[] = [];
  const seen = new Set<string>();
  for (const group of groups) {
    const first = group[0]!;
    const text = group.map((l) => l.text).join(' ');
    const single = group.length === 1;
    const marker = first.toc ? undefined : markerOf(first.text, stack, single && looksLikeHeading(text));
    const section = marker ? enter(stack, marker, first.md !== undefined) : undefined;
    let kind: SourceBlock['kind'] = 'paragraph';
    let level: number | undefined;
    if (first.md !== undefined) {
      kind = 'heading';
      level = first.md;
    } else if (single && !first.toc) {
      const rest = marker ? marker.rest.trim() : text;
      // Items of a list ('a.', '(1)', a bullet without a number) read as items even when short.
      const listItem =
        marker === undefined ? first.bullet : !['abs', 'num', 'upper', 'roman'].includes(marker.style);
      if ((first.bold || (!listItem && looksLikeHeading(rest, marker !== undefined))) && rest !== '') {
        kind = 'heading';
        level = Math.min(6, 1 + (section === undefined ? 1 : sectionDepth(section)));
      }
    }
    const id = section !== undefined && !seen.has(section) ? `s-${section}` : `p-${blocks.length + 1}`;
    if (section !== undefined) seen.add(section);
    blocks.push({
      id,
      kind,
      ...(level === undefined ? {} : { level }),
      ...(section === undefined ? {} : { section }),
      text,
    });
  }
  return blocks;
}

function sectionDepth(section: string): number {
  return section.split('.').length + (section.match(/\(/g)?.length ?? 0);
}

/**
 * The block a citation points at: the first block of the cited section, else of its nearest parent
 * ('2.1.3' → '2.1' → '2'), so a citation finer than the document's numbering still lands nearby.
 */
export function locateSection(blocks: readonly SourceBlock[], section: string): SourceBlock | undefined {
  for (let s: string | undefined = normaliseSection(section); s; s = parentSection(s)) {
    const want = s;
    const found =
      blocks.find((b) => b.section === want) ??
      blocks.find((b) => b.section?.toLowerCase() === want.toLowerCase());
    if (found) return found;
  }
  return undefined;
}
