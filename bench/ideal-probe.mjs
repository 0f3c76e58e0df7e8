/**
 * The "ideal" probe of notes/perf-limits.md (b_hrb): two cached process.hrtime.bigint reads per
 * call, stored straight into a BigInt64Array ring, no runtime object, no shadow stack. Derived from
 * the instrumenter's output by rewriting its probe text, so it covers exactly the same functions.
 */

const RING_BITS = 20;

const PRELUDE =
  'const __hrb=process.hrtime.bigint,' +
  `__TSB=new BigInt64Array(${1 << RING_BITS}),__TEB=new BigInt64Array(${1 << RING_BITS}),__FID=new Int32Array(${1 << RING_BITS}),` +
  `__MASK=${(1 << RING_BITS) - 1};let __idx=0;`;

const PROLOGUE = /var (__vt_\w+);function \1_i\(\)\{return \1=globalThis\.__viztracer__\?\.register\((\[.*?\]),(\[.*?\])\)\?\?\{on:false,e\(\)\{return -1\},x\(\)\{\},s\(v\)\{return v\},a\(v\)\{return v\}\}\}\1_i\(\);/;

/** Rewrites instrumented code; throws if it holds probes the ideal shape has no answer for. */
export function toIdealProbes(instrumented) {
  const m = PROLOGUE.exec(instrumented);
  if (!m) throw new Error('ideal probe: instrumenter prologue not recognised (probe-text.ts changed?)');
  const h = m[1];
  const enter = new RegExp(`const __vt_d=${h}\\?\\.on\\?${h}\\.e\\((\\d+)\\):-1;`, 'g');
  const exit = `finally{if(__vt_d>=0)${h}.x(__vt_d)}`;
  let code = instrumented.replace(m[0], PRELUDE);
  code = code.replace(enter, 'const __vt_t=__hrb(),__vt_k=$1;');
  code = code.split(exit).join(
    'finally{const __i=__idx;__TSB[__i]=__vt_t;__TEB[__i]=__hrb();__FID[__i]=__vt_k;__idx=(__i+1)&__MASK}',
  );
  if (code.includes(h)) throw new Error('ideal probe: generator/async probes (or a new probe shape) are not supported');
  return code;
}
