// The sf ecosystem's lint config (the one @salesforce/dev-scripts gives every plugin), type-aware.
module.exports = {
  root: true,
  extends: ['eslint-config-salesforce-typescript'],
  parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: __dirname },
  ignorePatterns: ['lib/', 'out/', 'node_modules/', 'coverage/', '*.js', '!.eslintrc.js'],
};
