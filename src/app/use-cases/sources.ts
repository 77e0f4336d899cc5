// The source documents behind the packs (the policies and regulations their citations name), split into
// blocks so a reader can open a citation at its section. They are public policy texts: any signed-in
// person may read them, whatever their organisation.
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { PackModule, PackSource } from '../../packs/framework.ts';
import { AppError } from '../errors.ts';
import { locateSection, parseSource, type SourceBlock } from '../sources.ts';
import { defineUseCase } from '../use-case.ts';
import { packOf } from './evaluate.ts';

// Parsed once per file version: the texts are part of the installed packs and rarely change.
const parsed = new Map<string, { mtimeMs: number; blocks: SourceBlock[] }>();

async function blocksOf(source: PackSource): Promise<SourceBlock[]> {
  let mtimeMs: number;
  try {
    mtimeMs = (await stat(source.file)).mtimeMs;
  } catch {
    throw new AppError(
      'PRB_DOCUMENT_MISSING',
      `The text of source document "${source.id}" is missing from its pack (${source.file}).`,
    );
  }
  const cached = parsed.get(source.file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.blocks;
  const blocks = parseSource(await readFile(source.file, 'utf8'));
  parsed.set(source.file, { mtimeMs, blocks });
  return blocks;
}

export function sourceOf(mod: PackModule, id: string): PackSource {
  const source = mod.sources?.find((s) => s.id === id);
  if (!source) {
    const known = (mod.sources ?? []).map((s) => s.id).join(', ') || 'none';
    throw new AppError(
      'PRB_NOT_FOUND',
      `Pack ${mod.pack.manifest.id} has no source document "${id}"; its sources: ${known}.`,
    );
  }
  return source;
}

export const readSource = defineUseCase({
  name: 'read a source document',
  access: { kind: 'authenticated' },
  input: z.object({
    pack: z.string().min(1).max(100),
    document: z.string().min(1).max(200),
    section: z
      .string()
      .trim()
      .min(1, 'name a section, e.g. 2.1, or leave section out')
      .max(100)
      .optional()
      .describe("a cited section, e.g. 2.1 or B.1.c: `focus` names its block (or its nearest parent's)"),
  }),
  async run({ app, input }) {
    const mod = packOf(app, input.pack);
    const source = sourceOf(mod, input.document);
    const blocks = await blocksOf(source);
    const focus = input.section === undefined ? undefined : locateSection(blocks, input.section);
    return {
      pack: mod.pack.manifest.id,
      id: source.id,
      title: source.title,
      blocks,
      focus: focus?.id ?? null,
    };
  },
});
