import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectElectronBinary } from '../../core/platform/electron-binary';
import type { CommandContext } from '../context';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** Support's first question answered in one command: can Callside work on this machine? */
export async function doctorCommand(ctx: CommandContext): Promise<number> {
  const dataDir = checkDataDir(ctx.dataDir);
  const electron = detectElectronBinary();
  const checks: Check[] = [
    dataDir,
    // Informational: without the binary the browser host serves the same app.
    { name: 'electron-binary', ok: true, detail: electron.detail },
  ];
  const ok = checks.every((check) => check.ok);
  ctx.output.result(
    {
      ok,
      dataDir: ctx.dataDir,
      dataDirWritable: dataDir.ok,
      electron: { present: electron.present, detail: electron.detail },
      checks,
    },
    () => checks.map((check) => `${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`).join('\n'),
  );
  return ok ? 0 : 1;
}

function checkDataDir(dir: string): Check {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK);
    const probe = join(dir, `.doctor-${process.pid}`);
    writeFileSync(probe, 'ok');
    rmSync(probe);
    return { name: 'data-dir', ok: true, detail: `${dir} is writable.` };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { name: 'data-dir', ok: false, detail: `${dir} is not writable: ${reason}` };
  }
}
