/** Child of save-bench.mjs: node --max-old-space-size=256 save-child.mjs <events> <dir>; prints one JSON line. */
import { recordAndSave } from './save-bench.mjs';

const [events, dir] = process.argv.slice(2);
const result = await recordAndSave(Number(events), dir, 1);
process.stdout.write(`${JSON.stringify(result)}\n`);
