/**
 * Opening a URL or file in the user's browser: $VIZTRACER_BROWSER, else $BROWSER (as Python's
 * webbrowser reads it), else the platform's opener. VIZTRACER_BROWSER=none opens nothing (tests,
 * CI, ssh sessions). A command may contain %s for the target; otherwise the target is appended.
 */
import { spawn } from 'node:child_process';

export const BROWSER_ENV = 'VIZTRACER_BROWSER';

export interface OpenResult {
  /** False when disabled or the opener could not be started. */
  opened: boolean;
  /** Why not, for one line on stderr. */
  reason?: string;
}

export function browserCommand(target: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string[] | null {
  const configured = env[BROWSER_ENV] ?? env['BROWSER'];
  if (configured !== undefined && configured.trim() !== '') {
    if (/^(none|false|0)$/i.test(configured.trim())) return null;
    const words = configured.trim().split(/\s+/);
    return words.some((w) => w.includes('%s')) ? words.map((w) => w.replace('%s', target)) : [...words, target];
  }
  if (platform === 'darwin') return ['open', target];
  if (platform === 'win32') return ['cmd', '/c', 'start', '""', target];
  return ['xdg-open', target];
}

/** Starts the browser detached; resolves once it was started (or could not be). */
export function openInBrowser(target: string): Promise<OpenResult> {
  const command = browserCommand(target);
  if (!command) return Promise.resolve({ opened: false, reason: `disabled by ${BROWSER_ENV}` });
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: 'ignore', detached: true });
    child.once('error', (e) => resolve({ opened: false, reason: `${command[0]}: ${(e as NodeJS.ErrnoException).code ?? e.message}` }));
    child.once('spawn', () => {
      child.unref();
      resolve({ opened: true });
    });
  });
}
