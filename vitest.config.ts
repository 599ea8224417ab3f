import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Only the Electron binary cannot exist here; the shell's tests run against this stand-in.
    alias: { electron: fileURLToPath(new URL('./test/fakes/electron.ts', import.meta.url)) },
  },
  test: {
    // electron-store imports electron itself; inlined, it gets the stand-in too.
    server: { deps: { inline: ['electron-store'] } },
    include: ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
