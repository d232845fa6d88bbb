/** The pipeline flows one way: read -> recognize -> model -> (check | render | compare). */
const layer = (name) => `^src/${name}/`;
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'model-is-a-leaf', severity: 'error', comment: 'model/ depends on nothing but itself',
      from: { path: layer('model') }, to: { path: '^src/', pathNot: layer('model') } },
    { name: 'catalog-only-model', severity: 'error',
      from: { path: layer('catalog') }, to: { path: '^src/', pathNot: [layer('model'), layer('catalog')] } },
    { name: 'templates-only-model-catalog', severity: 'error',
      from: { path: layer('templates') }, to: { path: '^src/', pathNot: [layer('model'), layer('catalog'), layer('templates')] } },
    { name: 'read-knows-no-budgets', severity: 'error', comment: 'readers know file formats, not budgets',
      from: { path: layer('read') }, to: { path: '^src/', pathNot: [layer('read'), layer('model')] } },
    { name: 'recognize-does-not-reach-downstream', severity: 'error',
      from: { path: layer('recognize') }, to: { path: ['^src/(check|render|compare|cli)/'] } },
    { name: 'narrative-does-not-reach-downstream', severity: 'error',
      from: { path: layer('narrative') }, to: { path: ['^src/(check|render|compare|cli|read)/'] } },
    { name: 'consumers-see-only-the-model', severity: 'error',
      comment: 'check, render and compare see the Document, never readers or recognisers',
      from: { path: '^src/(check|render|compare)/' }, to: { path: ['^src/(read|recognize)/'] } },
    { name: 'report-sees-only-the-model', severity: 'error',
      comment: 'report/ formats the Document and findings; it never reaches readers or recognisers (nor src/index.ts, which does)',
      from: { path: layer('report') }, to: { path: ['^src/(read|recognize)/', '^src/index\\.ts$'] } },
    { name: 'only-cli-uses-cli', severity: 'error', from: { pathNot: layer('cli') }, to: { path: layer('cli') } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
