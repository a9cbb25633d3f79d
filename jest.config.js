const transform = { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const WORKFLOW_TEST = '\\.workflow\\.test\\.ts$';
const UNIT_TEST = '\\.unit\\.test\\.ts$';

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'stack',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests', '<rootDir>/workflows'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', WORKFLOW_TEST, UNIT_TEST],
      transform,
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      // Workflow tests (`*.workflow.test.ts`, e.g. workflows/<type>/<name>.workflow.test.ts beside
      // their procedure) start a Temporal test environment of their own (tests/support/workflow-env.ts)
      // and need no embedded stack: `npx jest --selectProjects workflows` runs them in seconds.
      displayName: 'workflows',
      testEnvironment: 'node',
      roots: ['<rootDir>'],
      testMatch: ['**/*.workflow.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/\\.data/', '<rootDir>/admin/'],
      modulePathIgnorePatterns: ['<rootDir>/\\.data/', '<rootDir>/admin/'],
      transform,
      // The worker's workflow bundle, once for all files (webpack takes seconds per bundle).
      globalSetup: '<rootDir>/tests/support/workflows-global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/workflows-global-teardown.ts',
    },
    {
      // Unit tests (`*.unit.test.ts`): plain code, no stack, no Temporal — `npx jest --selectProjects unit` in seconds.
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests', '<rootDir>/workflows'],
      testMatch: ['**/*.unit.test.ts'],
      transform,
    },
  ],
  // Global, not per project: jest-circus reads only the global one.
  testTimeout: 120000,
  // The suites share one embedded stack; running them one after another keeps a 2-core machine honest.
  maxWorkers: 1,
  verbose: true,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
