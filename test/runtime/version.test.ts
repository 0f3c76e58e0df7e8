import fs from 'node:fs';
import { expect, it } from 'vitest';
import { VERSION } from '../../runtime/version.js';

it('runtime VERSION equals package.json version', () => {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(VERSION).toBe(pkg.version);
});
