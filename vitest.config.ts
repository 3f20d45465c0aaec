import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['main/testing/temp-guard.ts', 'main/testing/build-cli.ts'],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          globals: true,
          include: ['renderer/**/*.spec.ts', 'renderer/**/*.test.ts'],
          setupFiles: ['renderer/test-setup.ts'],
        },
      },
    ],
  },
});
