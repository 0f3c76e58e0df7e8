import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as TS from 'typescript';

/**
 * The TypeScript the compiler runs with: ts-patch hands it to the plugin (`extras.ts`), so the
 * transformer works with whichever version the project has. Without it (a plugin host that does
 * not pass it), the project's own `typescript` is used.
 */
export function typescriptApi(extrasTs: unknown, projectDir: string): typeof TS {
  const ts = (extrasTs ?? loadProjectTypescript(projectDir)) as Partial<typeof TS> | undefined;
  if (ts && typeof ts.factory === 'object' && typeof ts.visitEachChild === 'function') return ts as typeof TS;
  const version = typeof ts?.version === 'string' ? ` ${ts.version}` : '';
  // TypeScript 7 is the Go compiler: its package exports only { version }, there is no emit
  // transformer to plug into (microsoft/typescript-go#516, nonara/ts-patch#181).
  throw new Error(
    `viztracer/transformer: TypeScript${version} has no transformer API (TypeScript 7 compiles in Go); ` +
      'instrument with a bundler plugin (viztracer/vite, viztracer/esbuild, ...) or run `npx viztracer app.ts`, ' +
      'or compile with TypeScript 6 + ts-patch 4',
  );
}

function loadProjectTypescript(projectDir: string): unknown {
  try {
    return createRequire(join(projectDir, 'package.json'))('typescript');
  } catch {
    return undefined;
  }
}
