/**
 * The whole path of compile-time logs: the CLI instruments (instrument/, the other half of the
 * probe protocol v3) and the runtime records: args, return value and exec steps on the call,
 * variable and exception instants, magic comments. Exact events, and a loadable trace.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { apiProject, readChecked, viztracer } from './helpers.js';

it('viztracer --log-var --log-func-args --log-func-retval --log-func-exec --log-exception', async () => {
  const dir = apiProject();
  const r = viztracer(['--quiet', '--log-var', 'x', '--log-func-args', '--log-func-retval', '--log-func-exec', 'f',
    '--log-exception', '-o', 'logs.json', 'compile-logs.mjs'], dir);
  expect(r.stderr).toBe('');
  const trace = await readChecked(join(dir, 'logs.json'));
  const events = trace.traceEvents.filter((e) => e.ph !== 'M').map((e) => [e.ph, e.name, e.args]);
  expect(events).toEqual([
    ['X', 'f (compile-logs.mjs:2)', {
      func_args: { a: '1', b: '2' }, return_value: '{k: 4}', exec_steps: ['(3) x = 3', '(4) x = 4', '(5) o = {k: 4}'],
    }],
    ['X', 'boom (compile-logs.mjs:8)', { func_args: {}, exception: 'Error: bad' }],
    ['I', 'Variable Assign - x', { object: '3' }],
    ['I', 'Variable Assign - x', { object: '4' }],
    ['I', 'Exception - Error: bad', undefined],
    ['I', 'Variable Assign - total', { object: '5' }],
    ['I', 'hello', undefined],
  ]);
});

it('--repr-limit cuts logged values and says their length', async () => {
  const dir = apiProject();
  writeFileSync(join(dir, 'long.mjs'), "let s = 'x'.repeat(20);\nconsole.log(s.length);\n");
  const r = viztracer(['--quiet', '--log-var', 's', '--repr-limit', '8', '-o', 'long.json', 'long.mjs'], dir);
  expect(r.stdout).toBe('20\n');
  const trace = await readChecked(join(dir, 'long.json'));
  expect(trace.traceEvents.filter((e) => e.ph === 'I').map((e) => e.args)).toEqual([{ object: '"xxxxxxxx"… (length 20)' }]);
});
