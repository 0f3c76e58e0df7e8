/** Types of recorder-source.mjs. */
/** esbuild bundle of dist/runtime/recorder.js exposing `createRecorder`, or null without dist/. */
export declare function bundleRealRecorder(repoRoot: string): string | null;
/** Source of a script whose completion value is a `stats()` function; installs `__viztracer__`. */
export declare function recorderSource(bundle: string | null): string;
