import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      'e2e/artifacts/**',
      'bench/results/**',
      'client/.taro-cache/**',
      'shared/src/data/occupationsRaw.ts',
      'shared/src/data/divisions.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
          pathGroups: [{ pattern: '@nuanxin/**', group: 'internal' }],
          pathGroupsExcludedImportTypes: ['builtin'],
          'newlines-between': 'always',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // No relative imports across packages: use the workspace package name.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../shared/*', '../shared/src/*', '../../../shared/*'],
              message: '请通过 @nuanxin/shared 引用',
            },
          ],
        },
      ],
    },
  },
  {
    // One adapter for the platform (house style 7): wx-server-sdk only in cloudfunctions/_lib
    // (and the local cloud that swaps its transport); shared/ stays pure.
    files: [
      'shared/**/*.ts',
      'client/**/*.{ts,tsx}',
      'cloudfunctions/*/!(_lib)/**/*.ts',
      'cloudfunctions/*/*.ts',
    ],
    ignores: ['cloudfunctions/_lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'wx-server-sdk', message: '只在 cloudfunctions/_lib 中使用 wx-server-sdk' },
          ],
          patterns: [
            {
              group: ['../../shared/*', '../shared/src/*', '../../../shared/*'],
              message: '请通过 @nuanxin/shared 引用',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod|dayjs|\\.)',
              message: 'shared/ 只能依赖 zod 与 dayjs（纯领域代码，无 I/O、无平台）',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests read JSON answers of any shape.
    files: ['**/*.test.ts', '**/*.test.tsx', '**/*.e2e.ts', '**/*.bundle.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
