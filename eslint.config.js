import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layeringViolation } from './build/layering.mjs';
import path from 'node:path';

/** Local rule: the layering table of ARCHITECTURE.md, on every import and re-export. */
const layering = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = path.relative(context.cwd, context.filename);
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const why = layeringViolation(file, node.source.value);
      if (why) context.report({ node: node.source, message: why });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'bench-results/**',
      'build/stub-electron/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'publish-desk': { rules: { layering } } },
    rules: {
      'publish-desk/layering': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['build/**/*.mjs', '*.config.{js,ts}', '.ci/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
