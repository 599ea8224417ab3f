import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { isBuiltin } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const ROOT = dirname(fileURLToPath(import.meta.url));

/**
 * The layers of src/ and what each may import. Project folders are checked by resolving every
 * relative import against the importing file's own path, so `../../sandbox` from core and
 * `../../../main/desktop-shell` from core are caught as surely as `src/sandbox`. Packages are
 * checked by name: `deny` lists what a layer must not use, `allow` (when present) is all it may
 * use. `node` is every Node builtin, with or without the `node:` prefix.
 *
 * - core: the runtime-neutral engine, src/core
 * - shell: the Electron main process, src/main
 * - hosts: what the hosts share that core must not see, e.g. the Demo workspace's simulator
 */
const NATIVE_AND_ELECTRON = ['node', 'sqlite3', 'electron', 'electron-store', 'conf', 'ws'];
const NO_ELECTRON = ['electron', 'electron-store'];
const LAYERS = {
  renderer: { may: ['renderer', 'shared'], deny: NATIVE_AND_ELECTRON },
  preload: { may: ['preload', 'shared'], allow: ['electron'] },
  shared: { may: ['shared'], deny: NATIVE_AND_ELECTRON },
  core: { may: ['core', 'shared'], deny: NO_ELECTRON },
  hosts: { may: ['hosts', 'core', 'shared', 'sandbox'], deny: NO_ELECTRON },
  cli: { may: ['cli', 'hosts', 'core', 'shared', 'sandbox'], deny: NO_ELECTRON },
  sandbox: { may: ['sandbox', 'shared'], deny: NO_ELECTRON },
  shell: { may: ['shell', 'hosts', 'core', 'shared'] },
};

/** The layer a file or import target belongs to; null outside src/, 'unknown' for other folders of src/. */
function layerOf(absolutePath) {
  const path = relative(ROOT, absolutePath).split(sep).join('/');
  if (path === 'src' || path.startsWith('src/') === false) return null;
  const [, top] = path.split('/');
  if (top === 'main') return 'shell';
  return top in LAYERS ? top : 'unknown';
}

function packageName(specifier) {
  if (isBuiltin(specifier)) return 'node';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const layering = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder of src/ imports only the layers and packages it may (see LAYERS).' },
    schema: [],
    messages: {
      folder: '{{layer}} may not import {{target}} ("{{specifier}}"); it may import only {{may}}.',
      package: '{{layer}} may not import the package "{{specifier}}".',
    },
  },
  create(context) {
    const filename = context.physicalFilename ?? context.filename;
    const layer = layerOf(resolve(ROOT, filename));
    const rules = layer && LAYERS[layer];
    if (!rules) return {};

    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = layerOf(resolve(dirname(filename), specifier));
        // Outside src/ (package.json, say) is no layer of the app.
        if (target === null || rules.may.includes(target)) return;
        context.report({
          node,
          messageId: 'folder',
          data: {
            layer,
            target: target === 'unknown' ? 'an unknown folder of src/' : target,
            specifier,
            may: rules.may.join(', '),
          },
        });
        return;
      }
      const name = packageName(specifier);
      const refused = rules.allow ? !rules.allow.includes(name) : (rules.deny ?? []).includes(name);
      if (refused) context.report({ node, messageId: 'package', data: { layer, specifier } });
    };
    const literal = (node) => (node?.type === 'Literal' ? node.value : undefined);

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, literal(node.source)),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' &&
        check(node, literal(node.moduleReference.expression)),
      TSImportType: (node) => check(node, literal(node.argument?.literal ?? node.argument)),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require')
          check(node, literal(node.arguments[0]));
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['out/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Arrows point down (docs/ARCHITECTURE.md): renderer → shared; shell → core → shared.
    files: ['src/**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { callside: { rules: { layering } } },
    rules: { 'callside/layering': 'error' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
