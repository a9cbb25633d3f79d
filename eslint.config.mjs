import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', 'admin/dist/', 'db/migrations/', 'coverage/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through config/config.ts.' },
      ],
    },
  },
  // A module's workflow waits only through the engine, which marks the wait point (a click then gets its answer at once).
  {
    files: ['workflows/*/workflow.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@temporalio/workflow',
              importNames: ['sleep', 'condition', 'startChild', 'executeChild'],
              message: "Wait through the engine (workflows/engine: waitUntil, childProcedure, humanTasks), which marks the wait point.",
            },
          ],
        },
      ],
    },
  },
  // A module's console parts belong to the console's TypeScript project (admin/tsconfig.json), not the server's.
  {
    files: ['workflows/*/console/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: false, project: './admin/tsconfig.json', tsconfigRootDir: import.meta.dirname } },
  },
  { files: ['config/config.ts', 'tests/**', 'bench/**', 'workflows/*/*.test.ts'], rules: { 'no-restricted-properties': 'off' } },
  // Tests read JSON bodies the way a client does: loosely typed, asserted field by field.
  { files: ['tests/**', 'workflows/*/*.test.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', process: 'readonly' } } },
);
