/**
 * Option defaults from `.viztracerrc` (VizTracer's INI format: a [default] section, keys are option
 * names, flags True/False, lists space-separated) and from a `"viztracer"` object in package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VizTracerError } from '../runtime/viztracer-error.js';
import { coerce, findOption, type OptionValues } from '../runtime/options-schema.js';

function setKey(values: OptionValues, key: string, raw: unknown, where: string): void {
  const spec = findOption(key);
  if (!spec || key.length === 1 || spec.scope !== 'all') {
    throw new VizTracerError('UNKNOWN_OPTION', `${where}: unknown option "${key}"`);
  }
  const r = coerce(spec, raw);
  if ('error' in r) throw new VizTracerError('INVALID_OPTION', `${where}: "${key}" ${r.error}`);
  values[spec.name] = r.value;
}

/** Parse INI text; only the [default] section is read, as in VizTracer. */
export function parseRcText(text: string, file: string): OptionValues {
  const values: OptionValues = {};
  let section: string | null = null;
  let sawDefault = false;
  text.split(/\r?\n/).forEach((line, index) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#') || t.startsWith(';')) return;
    const where = `${file}:${index + 1}`;
    const header = /^\[(.+)\]$/.exec(t);
    if (header) {
      section = header[1]!.trim();
      if (section === 'default') sawDefault = true;
      return;
    }
    const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(t);
    if (!kv) throw new VizTracerError('RC_FILE', `${where}: expected "key = value", got ${JSON.stringify(t)}`);
    if (section === null) throw new VizTracerError('RC_FILE', `${where}: key outside a section (start with [default])`);
    if (section !== 'default') return;
    setKey(values, kv[1]!, kv[2]!, where);
  });
  if (!sawDefault) throw new VizTracerError('RC_FILE', `${file}: no [default] section`);
  return values;
}

/** Read the rc file: an explicit `--rcfile` must exist; the default `.viztracerrc` is optional. */
export function loadRcFile(cwd: string, rcfile: string | undefined): OptionValues {
  const file = resolve(cwd, rcfile ?? '.viztracerrc');
  if (!existsSync(file)) {
    if (rcfile !== undefined) throw new VizTracerError('RC_FILE', `--rcfile ${rcfile}: file not found`);
    return {};
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new VizTracerError('RC_FILE', `${file}: cannot read (${(e as Error).message})`);
  }
  return parseRcText(text, rcfile ?? '.viztracerrc');
}

/** The `"viztracer"` key of package.json in `cwd` (camelCase, kebab or underscore keys). */
export function loadPackageJsonConfig(cwd: string): OptionValues {
  const file = resolve(cwd, 'package.json');
  if (!existsSync(file)) return {};
  let pkg: unknown;
  try {
    pkg = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {}; // not ours to judge; only the "viztracer" key is
  }
  const conf = (pkg as { viztracer?: unknown } | null)?.viztracer;
  if (conf === undefined) return {};
  const where = 'package.json "viztracer"';
  if (conf === null || typeof conf !== 'object' || Array.isArray(conf)) {
    throw new VizTracerError('RC_FILE', `${where}: expected an object`);
  }
  const values: OptionValues = {};
  for (const [key, raw] of Object.entries(conf)) setKey(values, key, raw, where);
  return values;
}
