// Where the CLI writes and reads. Commands take an Io instead of touching process.* so that the
// pieces can be tested in-process; main.ts passes the real streams.
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, read whole (facts given as "-"). */
  readStdin(): Promise<string>;
  stdinIsTty: boolean;
  env: Record<string, string | undefined>;
}

export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin)
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdinIsTty: process.stdin.isTTY === true,
    env: process.env,
  };
}

/** Exit codes, documented in docs/cli.md. */
export const EXIT = {
  ok: 0,
  /** the command could not do its work (bad facts, unknown pack, store locked, chain broken…) */
  failed: 1,
  /** the command line itself is wrong */
  usage: 2,
  /** `evaluate --fail-on violation` found a violation */
  findings: 3,
} as const;
