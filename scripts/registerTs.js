'use strict';
// Lets Node require TypeScript files without a build step (the org simulator and the demo are
// TypeScript test code), with the `typescript` devDependency's transpileModule as a require hook.
// Types are checked by `npm test`, not here. Idempotent: a second call keeps the first hook.
const fs = require('node:fs');

const registerTypeScript = () => {
  const ts = require('typescript');
  require.extensions['.ts'] ??= (module, filename) => {
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        resolveJsonModule: true,
      },
      fileName: filename,
    });
    module._compile(outputText, filename);
  };
};

module.exports = { registerTypeScript };
