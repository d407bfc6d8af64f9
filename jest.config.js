/** @type {import('jest').Config} */
module.exports = {
  // @salesforce/core checks `e instanceof Error` on fs errors; jest's sandbox realm breaks that (jest#2549).
  testEnvironment: '<rootDir>/test/nodeEnvSharedError.js',
  // HOME must change in the parent process before workers start, or core writes into the real ~/.sf.
  globalSetup: '<rootDir>/test/globalSetup.js',
  globalTeardown: '<rootDir>/test/globalTeardown.js',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  restoreMocks: true,
  maxWorkers: 2,
  testTimeout: 30000,
};
