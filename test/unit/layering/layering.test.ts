import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layering rule of eslint.config.js, probed from inside each folder it guards. Each probe
 * is linted as if it were a new file in the real folder (lintText with its filePath: the rule
 * resolves relative imports against that path, and nothing is written into the tree that
 * other tools or people would see). A forbidden import must give exactly one error, the
 * layering rule's; an allowed one none at all.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULE = 'callside/layering';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function lint(folder: string, code: string): Promise<Array<{ ruleId: string | null; message: string }>> {
  const filePath = `${ROOT}${folder}/layering-probe-${randomUUID()}.ts`;
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

const forbidden: Record<string, { folder: string; imports: string[] }> = {
  renderer: {
    folder: 'src/renderer/src/features/queue',
    imports: [
      "import 'fs';",
      "import 'path';",
      "import 'node:fs';",
      "import 'sqlite3';",
      "import 'electron';",
      "import 'electron-store';",
      "import 'conf';",
      "import 'ws';",
      "import '../../../../core/core';",
      "import '../../../../main/desktop-shell';",
      "import '../../../../cli/context';",
      "import '../../../../sandbox';",
      "import '../../../../hosts/demo-workspace';",
      "import '../../../../preload';",
      "void import('../../../../sandbox');",
      "export * from '../../../../core/cache';",
    ],
  },
  core: {
    folder: 'src/core/services',
    imports: [
      "import '../../sandbox';",
      "import '../../sandbox/hotprospector/server';",
      "import '../../main/desktop-shell';",
      "import '../../main/settings';",
      "import '../../main/index';",
      "import '../../cli/context';",
      "import '../../renderer/src/main';",
      "import '../../hosts/demo-workspace';",
      "import '../../preload';",
      "import 'electron';",
      "import 'electron-store';",
      "export { app } from 'electron';",
    ],
  },
  shared: {
    folder: 'src/shared/contract',
    imports: [
      "import 'electron-store';",
      "import 'electron';",
      "import 'sqlite3';",
      "import 'conf';",
      "import 'ws';",
      "import 'fs';",
      "import 'node:crypto';",
      "import '../../sandbox';",
      "import '../../core/core';",
      "import '../../main/settings';",
      "import '../../cli/output';",
      "import '../../renderer/src/lib/format';",
      "import '../../hosts/demo-workspace';",
    ],
  },
  preload: {
    folder: 'src/preload',
    imports: [
      "import 'node:fs';",
      "import 'fs';",
      "import 'electron-store';",
      "import 'zod';",
      "import '../core/core';",
      "import '../main/ipc';",
      "import '../renderer/src/bridge';",
      "import '../sandbox';",
      "import '../cli/context';",
    ],
  },
};

const allowed: Record<string, { folder: string; code: string }> = {
  renderer: {
    folder: 'src/renderer/src/features/queue',
    code: "import 'react';\nimport 'zod';\nimport '../../../../shared/domain';\nimport '../../state/queue-store';",
  },
  core: {
    folder: 'src/core/services',
    code: "import 'node:path';\nimport 'sqlite3';\nimport 'zod';\nimport '../../shared/domain';\nimport '../cache';",
  },
  shared: { folder: 'src/shared/contract', code: "import 'zod';\nimport '../domain';\nimport './channels';" },
  preload: { folder: 'src/preload', code: "import 'electron';\nimport '../shared/contract/channels';" },
  'Electron shell': {
    folder: 'src/main',
    code: "import 'electron';\nimport 'electron-store';\nimport '../core/core';\nimport '../hosts/demo-workspace';",
  },
  'CLI and browser host': {
    folder: 'src/cli/host',
    code: "import 'ws';\nimport '../../core/core';\nimport '../../hosts/demo-workspace';\nimport '../../sandbox';",
  },
  hosts: { folder: 'src/hosts', code: "import '../sandbox';\nimport '../core/services/demo-workspace';" },
};

describe('layering the linter holds', () => {
  for (const [layer, { folder, imports }] of Object.entries(forbidden)) {
    it.each(imports)(`${layer} may not: %s`, async (code) => {
      const messages = await lint(folder, code);
      expect(messages).toHaveLength(1);
      expect(messages[0]?.ruleId, messages[0]?.message).toBe(RULE);
    });
  }

  it.each(Object.entries(allowed))('%s may import its own layers', async (_layer, { folder, code }) => {
    expect(await lint(folder, code)).toEqual([]);
  });

  it('the Demo workspace core sees is an interface: core imports no sandbox', async () => {
    const results = await eslint.lintFiles([
      'src/core/core.ts',
      'src/core/services/demo-workspace.ts',
      'src/core/services/workspace.ts',
      'src/hosts/demo-workspace.ts',
    ]);
    expect(results).toHaveLength(4);
    expect(results.flatMap((result) => result.messages.filter((m) => m.ruleId === RULE))).toEqual([]);
  });
});
