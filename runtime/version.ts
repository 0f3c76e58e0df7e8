/** Version of the package, written into every trace (kept equal to package.json by a test). */
export const VERSION = '0.1.0';
