import { defineConfig, type Plugin } from 'vitest/config';

/**
 * The dataset's virtual modules (`backstory:aliases`, `backstory:sentinel`…), which build.mjs
 * serves from src/data, resolve here to a module that says what to do, so that a module of the
 * content script that imports one can be tested with it mocked: `vi.mock('backstory:sentinel', …)`.
 */
function datasetModulesToMock(): Plugin {
  const prefix = '\0backstory-virtual:';
  return {
    name: 'dataset-modules-to-mock',
    resolveId: (id) => (id.startsWith('backstory:') ? prefix + id : undefined),
    load: (id) =>
      id.startsWith(prefix)
        ? `throw new Error(${JSON.stringify(`${id.slice(prefix.length)} is written by build.mjs: vi.mock it in the test`)});`
        : undefined,
  };
}

/**
 * The test tiers, as projects: unit (Node, no DOM), dom (happy-dom with HTML fixtures),
 * data (the real dataset), build (runs the build and the packaging: seconds each, so apart from
 * the fast tiers that `npm run test:unit` runs), e2e (the built extension in real Chromium and
 * Firefox). `vitest run` (in `npm test`) runs them all.
 */
export default defineConfig({
  // As build.mjs defines it per browser; the fast tiers run as Chromium's build.
  define: { __BROWSER__: JSON.stringify('chrome') },
  plugins: [datasetModulesToMock()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'dom', include: ['test/dom/**/*.test.{ts,tsx}'], environment: 'happy-dom' } },
      { extends: true, test: { name: 'data', include: ['test/data/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'build', include: ['test/build/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
