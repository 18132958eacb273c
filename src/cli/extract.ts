import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { RegisterCommand } from './commands.ts';
import { ExitError } from './main.ts';
import { expandInputs, type Input } from './walk.ts';
import { ProgressBar } from './progress.ts';
import { AtomicFile } from './atomic-file.ts';
import { csv, FORMATS, jsonArray, jsonLine, table, type Format } from './record-formats.ts';
import { READABLE_EXTENSIONS, readDocument, sizeRefusal } from '../text/read.ts';
import { READ_LIMITS } from '../text/read-limits.ts';
import { RefusedInput } from '../text/source.ts';
import { analyse } from '../pipeline.ts';
import type { QuantityRecord } from '../extract/quantity.ts';

export interface ExtractOptions { format: string; out?: string }

/** The streams the command talks to; the process's own in normal use. */
export interface ExtractIO {
  /** `closed` turns true when the reader of stdout has gone (`luoshi extract … | head`). */
  stdout: { write(s: string): unknown; closed?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stdin: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
}

export const register: RegisterCommand = (program, setExit) => {
  program
    .command('extract')
    .description('extract every quantitative target and actual from reports (.txt .html .docx .pdf; folders are walked; - reads stdin)')
    .argument('<inputs...>', 'files, folders, or - for standard input')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'jsonl')
    .option('--out <file>', 'write to this file (atomically) instead of standard output')
    .action(async (inputs: string[], opts: ExtractOptions) => {
      setExit(await runExtract(inputs, opts, { stdout: processStdout(), stderr: process.stderr, stdin: process.stdin }));
    });
};

let stdout: ExtractIO['stdout'] | undefined;

/** The process's stdout, marked closed (not crashing) when its reader goes away, as `| head` does. */
function processStdout(): ExtractIO['stdout'] {
  if (!stdout) {
    const out = { closed: false, write: (s: string) => out.closed || process.stdout.write(s) };
    // write errors arrive asynchronously, after the command may have finished: the listener stays
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      out.closed = true;
    });
    stdout = out;
  }
  return stdout;
}

/**
 * Reads each input, extracts its quantities and writes them in the chosen
 * format; refused files are reported on stderr, one line each, and the rest
 * still written. Returns the exit code: 0 all read, 1 some refused.
 */
export async function runExtract(args: string[], opts: ExtractOptions, io: ExtractIO): Promise<number> {
  const started = performance.now();
  if (!(FORMATS as readonly string[]).includes(opts.format)) throw new ExitError(`unknown format "${opts.format}" (use ${FORMATS.join(', ')})`, 2);
  const format = opts.format as Format;
  const inputs = expandInputs(args);
  if (inputs.length === 0) io.stderr.write(`luoshi: no report files (${[...READABLE_EXTENSIONS].map((e) => `.${e}`).join(' ')}) in ${args.join(', ')}\n`);
  const progress = io.stderr.isTTY && inputs.length > 1 ? new ProgressBar(io.stderr, inputs.length) : undefined;
  const say = (line: string) => (progress ? progress.say(line) : io.stderr.write(`${line}\n`));
  const file = opts.out ? openOut(opts.out) : undefined;
  const out = file ?? io.stdout;

  const kept: QuantityRecord[] = [];
  let files = 0;
  let records = 0;
  let errors = 0;
  try {
    progress?.draw(label(inputs[0]));
    for (const [i, input] of inputs.entries()) {
      if (!file && io.stdout.closed) break;
      const result = await extractOne(input, io);
      files++;
      if ('error' in result) {
        errors++;
        say(`luoshi: ${result.error}`);
      } else {
        records += result.records.length;
        if (format === 'jsonl') for (const r of result.records) out.write(jsonLine(r));
        else for (const r of result.records) kept.push(r);
      }
      progress?.tick(label(inputs[i + 1]));
    }
    if (format === 'json') out.write(jsonArray(kept));
    else if (format === 'table') out.write(table(kept));
    else if (format === 'csv') out.write(csv(kept));
    file?.commit();
  } catch (err) {
    file?.abort();
    throw err;
  } finally {
    progress?.clear();
  }
  const seconds = (performance.now() - started) / 1000;
  io.stderr.write(`luoshi extract: ${plural(files, 'file')}, ${plural(records, 'record')}, ${plural(errors, 'error')}, ${seconds.toFixed(2)} s\n`);
  return errors ? 1 : 0;
}

function openOut(path: string): AtomicFile {
  try {
    return new AtomicFile(path);
  } catch (err) {
    throw new ExitError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 2);
  }
}

type Outcome = { records: QuantityRecord[] } | { error: string };

async function extractOne(input: Input, io: ExtractIO): Promise<Outcome> {
  const shown = input.kind === 'stdin' ? 'stdin' : input.path;
  try {
    const bytes = input.kind === 'stdin' ? await readStdin(io.stdin) : readFileBounded(input.path);
    if (typeof bytes === 'string') return { error: `refused ${shown}: ${bytes}` };
    const source = await readDocument(bytes, input.kind === 'stdin' ? 'stdin' : basename(input.path));
    return { records: analyse(source).quantities };
  } catch (err) {
    if (err instanceof RefusedInput) return { error: `refused ${shown}: ${err.reason}` };
    const e = err as NodeJS.ErrnoException;
    if (e?.code && e.syscall) return { error: `cannot read ${shown}: ${e.code}` };
    // a fault in the extractor must not stop the other files; its first line says where to look
    return { error: `failed on ${shown}: ${(e?.stack ?? String(err)).split('\n').slice(0, 2).map((s) => s.trim()).join(' ')}` };
  }
}

/** The file's bytes, or the refusal of a file too large to load. */
function readFileBounded(path: string): Uint8Array | string {
  const tooLarge = sizeRefusal(statSync(path).size);
  if (tooLarge) return tooLarge;
  return new Uint8Array(readFileSync(path));
}

async function readStdin(stdin: ExtractIO['stdin']): Promise<Uint8Array | string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.length;
    if (size > READ_LIMITS.maxInputBytes) return sizeRefusal(size)!;
    chunks.push(bytes);
  }
  const all = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) { all.set(c, o); o += c.length; }
  return all;
}

function label(input: Input | undefined): string {
  return !input ? '' : input.kind === 'stdin' ? 'stdin' : basename(input.path);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
