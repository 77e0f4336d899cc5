// Reading the facts of a case: a JSON file, a YAML file (.yaml/.yml), or JSON on standard input ("-").
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { AppError } from '../../app/errors.ts';
import type { Io } from './io.ts';

export async function readFacts(source: string, io: Io): Promise<unknown> {
  let text: string;
  let name: string;
  if (source === '-') {
    name = 'standard input';
    if (io.stdinIsTty) io.err('Reading facts (JSON) from standard input; end with Ctrl-D.');
    text = await io.readStdin();
  } else {
    name = source;
    try {
      text = await readFile(source, 'utf8');
    } catch (error) {
      const why =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new AppError('PRB_INPUT_INVALID', `Cannot read the facts file ${source}: ${why}.`, {
        file: source,
      });
    }
  }
  if (text.trim() === '') {
    throw new AppError('PRB_FACTS_INVALID', `The facts in ${name} are empty; expected a JSON object.`);
  }
  const yaml = /\.ya?ml$/i.test(source);
  try {
    return yaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new AppError(
      'PRB_FACTS_INVALID',
      `The facts in ${name} are not valid ${yaml ? 'YAML' : 'JSON'}: ${why}`,
    );
  }
}
