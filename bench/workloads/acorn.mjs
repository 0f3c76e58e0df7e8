/** A real program: acorn (the installed 8.x ESM build, ~360 functions) parsing its own CJS build x10. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const COPIES = 10;

export default {
  name: 'acorn',
  what: `acorn.parse(acorn.js x${COPIES})`,
  source() {
    const dir = path.dirname(require.resolve('acorn'));
    const input = path.join(dir, 'acorn.js');
    const code = fs.readFileSync(path.join(dir, 'acorn.mjs'), 'utf8');
    return `${code}
import { readFileSync as __benchRead } from 'node:fs';
const __benchInput = __benchRead(${JSON.stringify(input)}, 'utf8').repeat(${COPIES});
// viztracer-ignore-next
export function run() {
  return parse(__benchInput, { ecmaVersion: 'latest' }).body.length;
}
`;
  },
};
