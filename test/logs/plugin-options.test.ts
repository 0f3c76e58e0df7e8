import { describe, expect, it } from 'vitest';
import { resolvePluginOptions } from '../../unplugin/options.js';
import { runtimeModuleCode } from '../../unplugin/runtime-module.js';

/** The plugins' log options: validated once, compile-time ones to instrumentCode, runtime ones to the injected runtime. */
describe('bundler plugin log options', () => {
  it('takes the compile-time log options, one RegEx or a list, and keeps only those set', () => {
    const o = resolvePluginOptions({ logVar: 'x|y', logAttr: ['a', 'b'], logException: true, logFuncArgs: true, logFuncRetval: 'get.*' });
    expect(o.logs).toEqual({ logVar: ['x|y'], logAttr: ['a', 'b'], logException: true, logFuncArgs: true, logFuncRetval: 'get.*' });
    expect(resolvePluginOptions({}).logs).toEqual({});
    expect(resolvePluginOptions({ logFuncArgs: false, logException: false }).logs).toEqual({});
  });

  it('rejects bad values with one line naming the option', () => {
    expect(() => resolvePluginOptions({ logVar: 'x(' })).toThrow(/option "logVar" expects a valid regular expression/);
    expect(() => resolvePluginOptions({ logNumber: [] })).toThrow(/option "logNumber" expects a regular expression or an array of them/);
    expect(() => resolvePluginOptions({ logFuncArgs: 1 })).toThrow(/option "logFuncArgs" expects true, false or a regular expression/);
    expect(() => resolvePluginOptions({ logException: 'yes' })).toThrow(/option "logException" expects true or false/);
    expect(() => resolvePluginOptions({ reprLimit: 0 })).toThrow(/option "reprLimit" expects an integer >= 1/);
    expect(() => resolvePluginOptions({ logPrint: 1 })).toThrow(/option "logPrint" expects true or false/);
  });

  it('passes the runtime log options to the injected runtime, and nothing when they are not set', () => {
    const where = { target: 'node' as const, root: '/p', output: '/p/result.json' };
    const plain = runtimeModuleCode(resolvePluginOptions({}), where);
    expect(plain).not.toMatch(/logPrint|reprLimit/);
    const logged = runtimeModuleCode(resolvePluginOptions({ logPrint: true, hidePrint: true, logGc: true, logSparse: true, reprLimit: 80 }), where);
    expect(logged).toContain('"logPrint":true,"hidePrint":true,"logGc":true,"logSparse":true,"reprLimit":80');
    const browser = runtimeModuleCode(resolvePluginOptions({ logPrint: true, reprLimit: 80 }), { ...where, target: 'browser' });
    expect(browser).toContain('"logPrint":true,"reprLimit":80');
  });
});
