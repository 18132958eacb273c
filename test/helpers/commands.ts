import { execFileSync } from 'node:child_process';

/** Whether a program is on PATH. */
export function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether LibreOffice and poppler are here to check generated documents. On a
 * developer's machine without them those checks are skipped; in CI, which
 * installs them, their absence is an error rather than a silent skip.
 */
export function officeAvailable(): boolean {
  const ok = has('soffice') && has('pdfinfo') && has('pdftotext');
  if (!ok && process.env.CI) throw new Error('CI must have soffice, pdfinfo and pdftotext (.ci/run installs them)');
  return ok;
}
