import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fontconfigAliases } from './fonts.ts';

/** Raised when LibreOffice is not installed or not on PATH. */
export class OfficeMissingError extends Error {
  constructor(command: string) {
    super(`LibreOffice is needed to write PDF but "${command}" was not found; install it (Debian: apt-get install libreoffice-writer libreoffice-calc fonts-noto-cjk) or set SOFFICE to its path`);
  }
}

export interface ConvertOptions {
  /** Target format for --convert-to: pdf by default. */
  format?: string;
  /** Whole conversion, all files together; LibreOffice's first start alone can take several seconds. */
  timeoutMs?: number;
  /** soffice executable; defaults to $SOFFICE or `soffice`. */
  command?: string;
}

function runOffice(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const timer = setTimeout(() => {
      // soffice forks oosplash and soffice.bin: end the whole process group it leads.
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { child.kill('SIGKILL'); }
      reject(new Error(`LibreOffice did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(err.code === 'ENOENT' ? new OfficeMissingError(command) : err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`LibreOffice exited with ${code}: ${output.trim()}`));
    });
  });
}

/**
 * Converts office files with headless LibreOffice in one run: a fresh
 * profile per call (parallel runs do not clash) and a fontconfig file that
 * maps the official Chinese fonts to Noto CJK. Returns the converted bytes
 * by input name (extension replaced).
 */
export async function convertWithOffice(
  inputs: { name: string; bytes: Uint8Array }[],
  options: ConvertOptions = {},
): Promise<Map<string, Uint8Array>> {
  const format = options.format ?? 'pdf';
  const command = options.command ?? process.env.SOFFICE ?? 'soffice';
  const dir = await mkdtemp(join(tmpdir(), 'luoshi-office-'));
  try {
    const inDir = join(dir, 'in');
    const outDir = join(dir, 'out');
    await mkdir(inDir);
    await mkdir(outDir);
    const paths: string[] = [];
    for (const input of inputs) {
      const path = join(inDir, basename(input.name));
      await writeFile(path, input.bytes);
      paths.push(path);
    }
    const fontsConf = join(dir, 'fonts.conf');
    await writeFile(fontsConf, fontconfigAliases());
    const args = [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless', '--norestore', '--nolockcheck',
      '--convert-to', format, '--outdir', outDir, ...paths,
    ];
    await runOffice(command, args, { ...process.env, FONTCONFIG_FILE: fontsConf, HOME: dir }, options.timeoutMs ?? 120_000);
    const results = new Map<string, Uint8Array>();
    for (const input of inputs) {
      const name = `${basename(input.name, extname(input.name))}.${format}`;
      try {
        results.set(name, new Uint8Array(await readFile(join(outDir, name))));
      } catch {
        throw new Error(`LibreOffice produced no ${name}`);
      }
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One .docx (or .xlsx) to PDF. */
export async function toPdf(name: string, bytes: Uint8Array, options: Omit<ConvertOptions, 'format'> = {}): Promise<Uint8Array> {
  const results = await convertWithOffice([{ name, bytes }], { ...options, format: 'pdf' });
  return results.values().next().value!;
}
