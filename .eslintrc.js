// The sf ecosystem's lint config (the one @salesforce/dev-scripts gives every plugin), type-aware.
// Where this project departs from it, the reason is beside the rule. A rule broken on purpose in
// one place is disabled there, on that line, with `-- <reason>`; unused disables are errors.
module.exports = {
  root: true,
  extends: ['eslint-config-salesforce-typescript'],
  parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: __dirname },
  reportUnusedDisableDirectives: true,
  ignorePatterns: ['lib/', 'out/', 'node_modules/', 'coverage/', '*.js', '!.eslintrc.js'],
  rules: {
    // Wire formats name their own fields (OAuth's grant_type, SOAP's and REST's keys): object
    // properties follow the protocol; our own identifiers stay camelCase.
    camelcase: ['error', { properties: 'never', ignoreDestructuring: true }],
  },
  overrides: [
    {
      files: ['test/**/*.test.ts'],
      rules: {
        // A test walks an org through steps in order; awaiting in a loop is the point there.
        'no-await-in-loop': 'off',
        // A test file is a list of cases, not a function to keep small.
        complexity: 'off',
        // jest types its asymmetric matchers (expect.objectContaining, expect.any, …) as any.
        '@typescript-eslint/no-unsafe-argument': 'off',
        '@typescript-eslint/no-unsafe-assignment': 'off',
      },
    },
  ],
};
