// The installed packs. Adding a pack is adding its module here; nothing else in the platform changes.
import { ProbityError } from '../kernel/index.ts';
import type { PackModule } from './framework.ts';
import { leaFinancePack } from './lea-finance/index.ts';
import { samplePack } from './sample/index.ts';

export const PACKS: readonly PackModule[] = [samplePack, leaFinancePack];

export function findPack(id: string, packs: readonly PackModule[] = PACKS): PackModule {
  const found = packs.find((p) => p.pack.manifest.id === id);
  if (!found) {
    throw new ProbityError(
      'PRB_UNKNOWN_PACK',
      `There is no policy pack "${id}"; installed packs: ${packs.map((p) => p.pack.manifest.id).join(', ')}.`,
      { pack: id },
    );
  }
  return found;
}
