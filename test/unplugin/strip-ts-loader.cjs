// Test scaffolding: the TS stripping step a webpack project has after our pre-loader
// (esbuild-loader in miniature). esbuild composes the incoming map when it is inlined.
const { transform } = require('esbuild');

module.exports = function stripTs(code, map) {
  const done = this.async();
  const inline = map
    ? `${code}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(typeof map === 'string' ? map : JSON.stringify(map)).toString('base64')}`
    : code;
  transform(inline, { loader: this.resourcePath.endsWith('x') ? 'tsx' : 'ts', sourcemap: true, sourcefile: this.resourcePath, target: 'node20' })
    .then((r) => done(null, r.code, JSON.parse(r.map)), done);
};
