// ESLint 9 flat config: JavaScript + TypeScript recommended rules, React hooks rules, and a few
// type-aware rules that catch real bugs in server code (forgotten awaits). `npm run lint` runs
// it with --max-warnings 0, so a warning fails CI as an error does.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'app/generated/**',
      'data/**',
      'tests/.tmp/**',
      'test-results/**',
      'playwright-report/**',
      '.cache/**',
      'public/build/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // An un-awaited promise in a loader/action or service loses errors and ordering.
      '@typescript-eslint/no-floating-promises': 'error',
      // Async handlers passed to Express 4 (Remix's request handler) and React event attributes
      // are the normal pattern here; those handlers catch their own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false, arguments: false } }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Type-only imports are kept in line with verbatimModuleSyntax=false; consistency, not a bug.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'emails/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
)
