import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { PACKS } from '../packs/registry.ts';
import { locateSection, normaliseSection, parentSection, parseSource, type SourceBlock } from './sources.ts';

const sections = (blocks: readonly SourceBlock[]) => blocks.flatMap((b) => (b.section ? [b.section] : []));
const bySection = (blocks: readonly SourceBlock[], s: string) => blocks.find((b) => b.section === s);

describe('parseSource', () => {
  test('markdown headings carry their level and section; numbered paragraphs their section', () => {
    const blocks = parseSource(
      '# Petty cash\n\nIntro text.\n\n## 2. Limits\n\n2.1 A single disbursement may not exceed $100.00.\n\n2.2 Receipts are kept.\n',
    );
    assert.deepEqual(blocks, [
      { id: 'p-1', kind: 'heading', level: 1, text: 'Petty cash' },
      { id: 'p-2', kind: 'paragraph', text: 'Intro text.' },
      { id: 's-2', kind: 'heading', level: 2, section: '2', text: '2. Limits' },
      {
        id: 's-2.1',
        kind: 'paragraph',
        section: '2.1',
        text: '2.1 A single disbursement may not exceed $100.00.',
      },
      { id: 's-2.2', kind: 'paragraph', section: '2.2', text: '2.2 Receipts are kept.' },
    ]);
  });

  test('recognises the numberings policies use: B.1.c, 5.7(2), § 4.2, Section 12.3, IV., 418-1.6(l)', () => {
    const blocks = parseSource(
      [
        'B.1.c The annual cumulative threshold is $50,000.',
        '5.7(2) The ALO must ensure that the response is properly cleared.',
        '§ 4.2 Custodians',
        'Section 12.3 Limits',
        'IV. Remedies',
        '418-1.6(l) Staff must be trained.',
      ].join('\n\n'),
    );
    assert.deepEqual(sections(blocks), ['B.1.c', '5.7(2)', '4.2', '12.3', 'IV', '418-1.6(l)']);
    assert.deepEqual(
      blocks.map((b) => b.kind),
      ['paragraph', 'paragraph', 'heading', 'heading', 'heading', 'paragraph'],
    );
    assert.equal(blocks[2]!.id, 's-4.2');
  });

  test('single-level markers nest like an outline: A. → 1. → a. → (1) → 1)', () => {
    const blocks = parseSource(
      [
        '### A. General Policies',
        '1. All checks shall be secured.',
        '7. All disbursement activity should be substantiated by supporting documents.',
        '  - a. Quotes shall contain the following information:',
        '    - (1) Date received',
        '    - (2) Company name and address',
        '  - b. Quotes may be obtained by printing pages from a website.',
        '8. Bank statements should be reviewed.',
        '### B. Thresholds',
        '**1. Small Purchases**',
        '- c. The annual cumulative threshold is $50,000.',
        '(a) Utah Code 63G-6a-2404 states that it is unlawful:',
        '- 1) the total value is less than $10; and',
        '(b) Any gift exceeding the threshold is a gratuity.',
      ].join('\n'),
    );
    assert.deepEqual(sections(blocks), [
      'A',
      'A.1',
      'A.7',
      'A.7.a',
      'A.7.a(1)',
      'A.7.a(2)',
      'A.7.b',
      'A.8',
      'B',
      'B.1',
      'B.1.c',
      'B.1.c(a)',
      'B.1.c(a)(1)',
      'B.1.c(b)',
    ]);
    assert.equal(bySection(blocks, 'B.1')?.kind, 'heading', 'a bold line is a heading');
    assert.equal(bySection(blocks, 'A.7.a(1)')?.kind, 'paragraph', 'a short list item is not');
  });

  test('a numbered item after a dotted section starts the next top-level section; 1) items nest under it', () => {
    const blocks = parseSource(
      '3.2 Audit. A generic term.\n- 1) Audit. An examination.\n  - 2) Inspection. Another.\n4. Responsibilities.\n- 4.1. Officials are responsible for:\n- 1) Ensuring compliance;',
    );
    assert.deepEqual(sections(blocks), ['3.2', '3.2(1)', '3.2(2)', '4', '4.1', '4.1(1)']);
    assert.equal(bySection(blocks, '4')?.kind, 'heading');
  });

  test('roman numerals: (i) after (h) is a letter, (i) alone and (ii) are numerals', () => {
    const letters = sections(parseSource('(a) x.\n\n(h) y.\n\n(i) z.'));
    assert.deepEqual(letters, ['(a)', '(h)', '(i)']);
    const numerals = sections(parseSource('(a) Items:\n\n(i) first;\n\n(ii) second.'));
    assert.deepEqual(numerals, ['(a)', '(a)(i)', '(a)(ii)']);
  });

  test('hard-wrapped lines join into one paragraph; one-paragraph-per-line text splits per line', () => {
    const wrapped = parseSource(
      '3.1 The custodian submits a replenishment request, with the receipts, no later than 10\ncalendar days after the end of each month.\n',
    );
    assert.equal(wrapped.length, 1);
    assert.match(wrapped[0]!.text, /no later than 10 calendar days/);
    const perLine = parseSource(
      'Action taken:\nAmendment of Part 413.\nRevised Job Impact Statement\nChanges made do not necessitate revision.\nThe Office received comments.',
    );
    assert.deepEqual(
      perLine.map((b) => [b.kind, b.text]),
      [
        ['heading', 'Action taken:'],
        ['paragraph', 'Amendment of Part 413.'],
        ['heading', 'Revised Job Impact Statement'],
        ['paragraph', 'Changes made do not necessitate revision.'],
        ['paragraph', 'The Office received comments.'],
      ],
    );
  });

  test('a table of contents names no sections, so ids point at the sections themselves', () => {
    const blocks = parseSource(
      '1. Background\t2\n1.1.\tDefinitions\t2\n\n1. Background\n\n1.1. Definitions\n\nEffort is a percentage.',
    );
    assert.deepEqual(
      blocks.map((b) => [b.id, b.section ?? null]),
      [
        ['p-1', null],
        ['p-2', null],
        ['s-1', '1'],
        ['s-1.1', '1.1'],
        ['p-5', null],
      ],
    );
  });

  test('a sentence citing "Section 20(3)(d) of the law" does not open a section; emphasis is removed', () => {
    const blocks = parseSource(
      'Section 20(3)(d) of the Social Services Law authorizes the Commissioner.\n\n1. **Purpose.** The *Audit* Liaison Office \\$5.',
    );
    assert.deepEqual(sections(blocks), ['1']);
    assert.equal(blocks[1]!.text, '1. Purpose. The Audit Liaison Office $5.');
  });

  test('a repeated section number keeps the first block as s-<section>', () => {
    const blocks = parseSource('2.1 First.\n\n2.1 Again.');
    assert.deepEqual(
      blocks.map((b) => b.id),
      ['s-2.1', 'p-2'],
    );
  });

  test('never throws, and ids are unique, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              '',
              '## 2. X',
              '1.',
              '(i)',
              'A.',
              '- 1) x',
              '§',
              'Section',
              '\t3',
              'IV.',
              '(',
              '**',
            ),
          ),
          { maxLength: 30 },
        ),
        (parts) => {
          const blocks = parseSource(parts.join('\n'));
          assert.equal(new Set(blocks.map((b) => b.id)).size, blocks.length);
          for (const b of blocks) assert.notEqual(b.text, '');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('locateSection', () => {
  const blocks = parseSource(
    '## 2. Limits\n\n2.1 One.\n\n5.7 Corrective action.\n\n### B. Thresholds\n\n1. Small\n\na. Individual.',
  );

  test('finds the cited section, else its nearest parent', () => {
    assert.equal(locateSection(blocks, '2.1')?.id, 's-2.1');
    assert.equal(locateSection(blocks, '2.1.3')?.id, 's-2.1');
    assert.equal(locateSection(blocks, '2.4')?.id, 's-2');
    assert.equal(locateSection(blocks, '5.7(2)')?.id, 's-5.7');
    assert.equal(locateSection(blocks, 'B.1.c')?.id, 's-B.1');
    assert.equal(locateSection(blocks, 'B.1.a')?.id, 's-B.1.a');
    assert.equal(locateSection(blocks, '§ 2.1')?.id, 's-2.1');
    assert.equal(locateSection(blocks, 'Section 2.1.')?.id, 's-2.1');
    assert.equal(locateSection(blocks, '9.1'), undefined);
  });

  test('normalises and walks up section paths', () => {
    assert.equal(normaliseSection(' § 4.2. '), '4.2');
    assert.equal(normaliseSection('Section 12.3'), '12.3');
    assert.equal(parentSection('2.1.3'), '2.1');
    assert.equal(parentSection('414.2(a)(6)'), '414.2(a)');
    assert.equal(parentSection('B.1.c'), 'B.1');
    assert.equal(parentSection('2'), undefined);
  });
});

describe('the packs’ sources', () => {
  test('every citation of every installed pack names a declared source and finds its exact section', () => {
    let checked = 0;
    for (const mod of PACKS) {
      const citations = [
        ...mod.pack.rules.flatMap((r) => r.citations),
        ...mod.pack.parameters.flatMap((p) => p.values.map((v) => v.citation)),
      ];
      for (const c of citations) {
        const source = mod.sources?.find((s) => s.id === c.document);
        assert.ok(
          source,
          `${mod.pack.manifest.id}: citation of § ${c.section} names undeclared source ${c.document}`,
        );
        const blocks = parseSource(readFileSync(source.file, 'utf8'));
        assert.equal(locateSection(blocks, c.section)?.section, c.section, `§ ${c.section} of ${c.document}`);
        checked++;
      }
    }
    assert.ok(checked >= 6, `checked ${checked} citations`);
  });
});

// The seeds are the source documents future packs cite; they live beside the repository.
const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const seedsSkip = existsSync(SEEDS) ? false : `the seed documents are not at ${SEEDS}`;

describe('the seed documents', { skip: seedsSkip }, () => {
  const read = (name: string) => parseSource(readFileSync(`${SEEDS}${name}`, 'utf8'));

  test('each parses without throwing into many numbered sections with unique ids', () => {
    const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
    assert.equal(files.length, 4);
    let total = 0;
    for (const f of files) {
      const blocks = read(f);
      const found = sections(blocks);
      assert.ok(found.length >= 10, `${f}: ${found.length} numbered sections`);
      assert.equal(new Set(blocks.map((b) => b.id)).size, blocks.length, `${f}: ids unique`);
      total += found.length;
    }
    assert.ok(total >= 300, `${total} numbered sections in all`);
  });

  test('the sections the packs will cite are found where the documents print them', () => {
    const audits = read('000_f51273a75323ea67.txt');
    assert.match(
      locateSection(audits, '5.7(2)')!.text,
      /^2\) The ALO must ensure that the response to the final report/,
    );
    assert.match(locateSection(audits, '3.12')!.text, /^3\.12\. MAP\./);
    const lea = read('003_fbbb2832125d666b.txt');
    assert.match(locateSection(lea, 'B.1.c')!.text, /annual cumulative threshold/);
    assert.match(locateSection(lea, 'B.1.e(2)')!.text, /^\(2\) Costing between \$25,001 and \$80,000/);
    assert.match(locateSection(lea, 'F.3')!.text, /^3\. Purchases exceeding \$1,000/);
    const effort = read('004_367bb28455b8f671.txt');
    const s45 = locateSection(effort, '4.5')!;
    assert.equal(s45.kind, 'heading', 'the section itself, not its table-of-contents line');
    assert.equal(s45.text, '4.5. Multiple Grant Efforts with Varying Start and End Dates');
    const childcare = read('002_3e155f819ee1d3d5.txt');
    assert.equal(locateSection(childcare, '3')!.text, '3. Needs and benefits:');
  });
});
