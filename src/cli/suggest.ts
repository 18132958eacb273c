import type { RegisterCommand } from './commands.ts';
import { readNoticeFile } from './import-breakdown.ts';
import { ExitError } from './main.ts';
import { buildModel, suggest } from '../assign/suggest.ts';
import { parseBreakdown } from '../extract/breakdown/index.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

export const register: RegisterCommand = (program) => {
  program
    .command('suggest')
    .description('suggest lead units, co-units and leaders for task texts read one per line on stdin, learning from past notices')
    .requiredOption('--history <notice...>', 'past breakdown notices (.txt, .docx, .xlsx) to learn from')
    .option('--top <k>', 'how many suggestions of each sort', '5')
    .option('--format <format>', 'jsonl (one object per task) or json (one array)', 'jsonl')
    .action(async (opts: { history: string[]; top: string; format: string }) => {
      const top = Number(opts.top);
      if (!Number.isInteger(top) || top < 1) throw new ExitError(`--top must be a positive whole number, not "${opts.top}"`, 2);
      if (opts.format !== 'jsonl' && opts.format !== 'json') throw new ExitError(`unknown format "${opts.format}" (jsonl or json)`, 2);
      const notices = [];
      for (const file of opts.history) notices.push(parseBreakdown(await readNoticeFile(file)));
      const model = buildModel(notices);
      const tasks = (await readStdin()).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      const results = tasks.map((t) => suggest(model, t, top));
      if (opts.format === 'json') process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      else for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
    });
};
