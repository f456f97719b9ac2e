import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// CI asks for a JSON report beside the usual one, to print a plain "N passed, N failed" line.
const jsonReport = process.env.OKR_VITEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Most tests wait on the processes they start (okr, git, a browser) rather than compute, so two
    // files run at once even on two cores; vitest's default there (cores - 1) runs them one by one.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
  },
});
