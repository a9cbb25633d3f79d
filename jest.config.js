/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/workflows'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 120000,
  // The suites share one embedded stack; running them one after another keeps a 2-core machine honest.
  maxWorkers: 1,
  verbose: true,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
