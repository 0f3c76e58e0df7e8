import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalName, coerce, findOption, helpText, OPTIONS, parseDuration } from '../../runtime/options-schema.js';
import { parseArgs } from '../../cli/parse-args.js';
import { loadPackageJsonConfig, loadRcFile, parseRcText } from '../../cli/rc-config.js';
import { childConfig, mergeLayers, outputPath, uniqueOutputName } from '../../cli/resolve-config.js';
import { resolveValues } from '../../cli/main.js';
import { VizTracerError } from '../../runtime/viztracer-error.js';
import { tempProject, viztracer } from './helpers.js';

function errorOf(fn: () => unknown): VizTracerError {
  try {
    fn();
  } catch (e) {
    if (e instanceof VizTracerError) return e;
    throw e;
  }
  throw new Error('expected a VizTracerError');
}

describe('option schema', () => {
  it('has one entry per name and alias, each with help text', () => {
    const names = OPTIONS.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    const shorts = OPTIONS.flatMap((o) => (o.short ? [o.short] : []));
    expect(new Set(shorts).size).toBe(shorts.length);
    for (const o of OPTIONS) expect(o.help.length).toBeGreaterThan(5);
  });

  it('canonicalises underscore and camelCase spellings', () => {
    expect(canonicalName('max_stack_depth')).toBe('max-stack-depth');
    expect(canonicalName('maxStackDepth')).toBe('max-stack-depth');
    expect(findOption('tracer_entries')?.name).toBe('tracer-entries');
    expect(findOption('o')?.name).toBe('output-file');
    expect(findOption('nope')).toBeUndefined();
  });

  it.each([
    ['0', 0n], ['10', 10_000n], ['10us', 10_000n], ['1.5ms', 1_500_000n], ['2s', 2_000_000_000n], ['7ns', 7n], ['.5ms', 500_000n],
  ])('parses duration %s', (text, ns) => {
    expect(parseDuration(text)).toBe(ns);
  });

  it.each(['', 'ms', '10m', '-1', 'abc', '1.2.3'])('rejects duration %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('coerces flags, integers and lists from text and JSON', () => {
    const flag = findOption('quiet')!;
    expect(coerce(flag, 'True')).toEqual({ value: true });
    expect(coerce(flag, 'false')).toEqual({ value: false });
    expect(coerce(flag, 'maybe')).toHaveProperty('error');
    const int = findOption('tracer-entries')!;
    expect(coerce(int, '100')).toEqual({ value: 100 });
    expect(coerce(int, 100)).toEqual({ value: 100 });
    expect(coerce(int, '0')).toHaveProperty('error');
    expect(coerce(int, '1e3')).toHaveProperty('error');
    expect(coerce(findOption('include-files')!, 'src lib')).toEqual({ value: ['src', 'lib'] });
    expect(coerce(findOption('include-files')!, ['src'])).toEqual({ value: ['src'] });
  });

  it('generates help from the table, with @default', () => {
    const text = helpText();
    for (const o of OPTIONS) expect(text).toContain(`--${o.name}`);
    expect(text).toContain('-o, --output-file FILE');
    expect(text).toContain('@default 1000000');
  });
});

describe('parseArgs', () => {
  it('reads long, short, underscore and =value forms', () => {
    const p = parseArgs(['-o', 'a.json', '--tracer_entries=50', '--max-stack-depth', '-1', '--min_duration', '2ms', '--quiet', 'app.ts']);
    expect(p.values).toEqual({ 'output-file': 'a.json', 'tracer-entries': 50, 'max-stack-depth': -1, 'min-duration': '2ms', quiet: true });
    expect(p.command).toEqual(['app.ts']);
    expect(parseArgs(['-oout.json', 'x.js']).values['output-file']).toBe('out.json');
    expect(parseArgs(['-o=out.json', 'x.js']).values['output-file']).toBe('out.json');
    expect(parseArgs(['-u', 'x.js']).values['unique-output-file']).toBe(true);
  });

  it('gives everything after the script to the script', () => {
    const p = parseArgs(['--quiet', 'app.ts', '--quiet', '-o', 'x', '--', 'y']);
    expect(p.values).toEqual({ quiet: true });
    expect(p.command).toEqual(['app.ts', '--quiet', '-o', 'x', '--', 'y']);
    expect(p.afterSeparator).toBe(false);
  });

  it('splits at -- and lets lists run until an option or --', () => {
    const p = parseArgs(['--include-files', 'src', 'lib', '--quiet', '--', 'node', '--no-warnings', 'a.js']);
    expect(p.values).toEqual({ 'include-files': ['src', 'lib'], quiet: true });
    expect(p.command).toEqual(['node', '--no-warnings', 'a.js']);
    expect(p.afterSeparator).toBe(true);
  });

  it('reads -c', () => {
    expect(parseArgs(['-c', 'console.log(1)', 'arg']).values['cmd-string']).toBe('console.log(1)');
    expect(parseArgs(['-c', 'console.log(1)', 'arg']).command).toEqual(['arg']);
  });

  it.each([
    [['--bogus', 'a.js'], 'UNKNOWN_OPTION', 'unrecognized option --bogus'],
    [['--bogus=1', 'a.js'], 'UNKNOWN_OPTION', 'unrecognized option --bogus'],
    [['-z', 'a.js'], 'UNKNOWN_OPTION', 'unrecognized option -z'],
    [['--tracer-entries', 'many', 'a.js'], 'INVALID_OPTION', '--tracer-entries: expects an integer, got "many"'],
    [['--min-duration', '5 parsecs', 'a.js'], 'INVALID_OPTION', '--min-duration: expects a duration'],
    [['-o'], 'INVALID_OPTION', '-o expects a value'],
    [['--include-files', '--', 'a.js'], 'INVALID_OPTION', '--include-files: expects one or more paths'],
    [['--quiet=perhaps', 'a.js'], 'INVALID_OPTION', '--quiet: expects True or False'],
  ])('rejects %j', (argv, code, text) => {
    const e = errorOf(() => parseArgs(argv));
    expect(e.code).toBe(code);
    expect(e.message).toContain(text);
  });
});

describe('rc file and package.json', () => {
  it('parses VizTracer INI: [default], True/False, space-separated lists, comments', () => {
    const values = parseRcText(
      '# comment\n[default]\nmax_stack_depth = 10\nquiet = True\ninclude_files = src lib\n; other\n[other]\nignored = 1\n',
      '.viztracerrc',
    );
    expect(values).toEqual({ 'max-stack-depth': 10, quiet: true, 'include-files': ['src', 'lib'] });
  });

  it.each([
    ['[default]\nbogus = 1\n', 'RC_FILE', '.viztracerrc:2: unknown option "bogus"'],
    ['[default]\ntracer_entries = x\n', 'RC_FILE', '.viztracerrc:2: "tracer_entries" expects an integer'],
    ['max_stack_depth = 1\n', 'RC_FILE', 'key outside a section'],
    ['[other]\nx = 1\n', 'RC_FILE', 'no [default] section'],
    ['[default]\nrcfile = x\n', 'RC_FILE', 'unknown option "rcfile"'],
  ])('rejects rc text %j', (text, _code, message) => {
    const e = errorOf(() => parseRcText(text, '.viztracerrc'));
    expect(e.message).toContain(message);
  });

  it('errors on a missing --rcfile but not on a missing default .viztracerrc', () => {
    const dir = tempProject();
    expect(loadRcFile(dir, undefined)).toEqual({});
    expect(errorOf(() => loadRcFile(dir, 'custom.ini')).message).toContain('--rcfile custom.ini: file not found');
  });

  it('reads the "viztracer" key of package.json with camelCase or kebab keys', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ viztracer: { tracerEntries: 5, 'max-stack-depth': 3, quiet: true, minDuration: 20 } }));
    expect(loadPackageJsonConfig(dir)).toEqual({ 'tracer-entries': 5, 'max-stack-depth': 3, quiet: true, 'min-duration': '20' });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ viztracer: { colour: 'blue' } }));
    expect(errorOf(() => loadPackageJsonConfig(dir)).message).toContain('package.json "viztracer": unknown option "colour"');
  });

  it('applies precedence CLI > rc file > package.json > defaults', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ viztracer: { tracerEntries: 5, maxStackDepth: 3, minDuration: '1ms' } }));
    writeFileSync(join(dir, '.viztracerrc'), '[default]\ntracer_entries = 7\nmax_stack_depth = 4\n');
    const values = resolveValues({ 'tracer-entries': 9 }, dir);
    expect(values['tracer-entries']).toBe(9);
    expect(values['max-stack-depth']).toBe(4);
    expect(values['min-duration']).toBe('1ms');
    expect(values['output-file']).toBe('result.json');
    writeFileSync(join(dir, 'other.ini'), '[default]\nmax_stack_depth = 8\n');
    expect(resolveValues({ rcfile: 'other.ini' }, dir)['max-stack-depth']).toBe(8);
  });

  it('lets a higher layer override the exclusive partner set below, but not both in one layer', () => {
    expect(mergeLayers([{ name: 'rc', values: { 'output-file': 'a.json' } }, { name: 'cli', values: { 'unique-output-file': true } }]))
      .not.toHaveProperty('output-file');
    expect(errorOf(() => mergeLayers([{ name: 'command line', values: { 'include-files': ['a'], 'exclude-files': ['b'] } }])).message)
      .toContain('--include-files and --exclude-files cannot be used together');
  });
});

describe('output path and child config', () => {
  const now = new Date(2024, 0, 2, 3, 4, 5);
  const defaults = mergeLayers([]);

  it('names unique output files <label>_<YYYYMMDD>_<HHMMSS>_<pid>.json', () => {
    expect(uniqueOutputName('fib', now, 42)).toBe('fib_20240102_030405_42.json');
    expect(outputPath({ ...defaults, 'unique-output-file': true, 'output-dir': 'traces' }, '/p', 'fib', now, 42))
      .toBe('/p/traces/fib_20240102_030405_42.json');
  });

  it('resolves -o against --output-dir and cwd, accepts .json.gz and .html, rejects others', () => {
    expect(outputPath(defaults, '/p', 'x', now, 1)).toBe('/p/result.json');
    expect(outputPath({ ...defaults, 'output-file': 'r.json.gz', 'output-dir': 'out' }, '/p', 'x', now, 1)).toBe('/p/out/r.json.gz');
    expect(outputPath({ ...defaults, 'output-file': '/abs/r.json', 'output-dir': 'out' }, '/p', 'x', now, 1)).toBe('/abs/r.json');
    expect(outputPath({ ...defaults, 'output-file': 'r.html' }, '/p', 'x', now, 1)).toBe('/p/r.html');
    expect(errorOf(() => outputPath({ ...defaults, 'output-file': 'r.txt' }, '/p', 'x', now, 1)).message).toContain('only .json, .json.gz and .html');
  });

  it('builds the child config with absolute filter paths and ns durations', () => {
    const c = childConfig({ ...defaults, 'min-duration': '1.5ms', 'include-files': ['src', '/abs'] }, '/p', '/p/result.json');
    expect(c).toEqual({
      version: 2, outputFile: '/p/result.json', root: '/p', tracerEntries: 1_000_000, maxStackDepth: -1,
      minDurationNs: '1500000', includeFiles: ['/p/src', '/abs'], excludeFiles: null, quiet: false,
      logs: {}, logPrint: false, hidePrint: false, logGc: false, logSparse: false, reprLimit: 256,
    });
  });

  it('turns the log options into the child config: only the compile-time ones set', () => {
    const parsed = parseArgs(['--log-var', 'x', 'y.*', '--log-func-args=^fib$', '--log-func-retval', '--log-exception', '--log-print', '--repr-limit', '64', 'app.ts']);
    expect(parsed.command).toEqual(['app.ts']);
    const c = childConfig({ ...defaults, ...parsed.values }, '/p', '/p/result.json');
    expect(c.logs).toEqual({ logVar: ['x', 'y.*'], logFuncArgs: '^fib$', logFuncRetval: true, logException: true });
    expect([c.logPrint, c.hidePrint, c.reprLimit]).toEqual([true, false, 64]);
  });

  it('rejects a RegEx that does not compile, naming it', () => {
    expect(errorOf(() => parseArgs(['--log-var', 'a(', 'app.ts'])).message).toMatch(/--log-var: invalid regular expression "a\(" \(/);
    expect(errorOf(() => parseArgs(['--log-func-args=[', 'app.ts'])).message).toMatch(/--log-func-args: invalid regular expression "\["/);
  });
});

describe('viztracer command-line errors (spawned)', () => {
  const dir = tempProject('basic');

  it.each([
    [['--bogus', 'fib.ts'], 'viztracer: error: unrecognized option --bogus (see viztracer --help)'],
    [['--tracer_entries', 'x', 'fib.ts'], 'viztracer: error: --tracer_entries: expects an integer, got "x"'],
    [['missing.ts'], 'viztracer: error: script not found: missing.ts'],
    [[], 'viztracer: error: no script or command given'],
    [['no-such-command-xyz'], 'viztracer: error: script or command not found: no-such-command-xyz'],
    [['-o', 'r.txt', 'fib.ts'], 'viztracer: error: --output-file r.txt: only .json, .json.gz and .html are supported'],
    [['-o', 'a.json', '-u', 'fib.ts'], 'viztracer: error: command line: --output-file and --unique-output-file cannot be used together'],
    [['--rcfile', 'nope.ini', 'fib.ts'], 'viztracer: error: --rcfile nope.ini: file not found'],
  ])('%j -> one error line, exit code 2', (args, line) => {
    const r = viztracer(args, dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain(line);
  });

  it('names the bad key of .viztracerrc', () => {
    const d = tempProject('basic');
    writeFileSync(join(d, '.viztracerrc'), '[default]\nlog_colour = True\n');
    const r = viztracer(['fib.ts'], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('viztracer: error: .viztracerrc:2: unknown option "log_colour"\n');
  });

  it('prints --help and --version', () => {
    const help = viztracer(['--help'], dir);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: viztracer');
    expect(viztracer(['-h'], dir).stdout).toBe(help.stdout);
    const version = viztracer(['--version'], dir);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('creates --output-dir and writes the unique name there', () => {
    const d = tempProject('basic');
    mkdirSync(join(d, 'sub'));
    const r = viztracer(['--quiet', '-u', '--output-dir', 'traces/deep', 'fib.ts'], d);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const files = readdirSync(join(d, 'traces', 'deep'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^fib_\d{8}_\d{6}_\d+\.json$/);
  });
});
