import { appendFileSync } from 'node:fs';
import { FatalError } from './errors.js';

/**
 * Appends markdown to the GitHub Actions job summary when GITHUB_STEP_SUMMARY names one; does
 * nothing otherwise. Each caller adds its own section, so several steps can share one summary.
 */
export function appendStepSummary(env: NodeJS.ProcessEnv, markdown: string): void {
  const path = env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  try {
    appendFileSync(path, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FatalError(`cannot append the job summary to GITHUB_STEP_SUMMARY (${path}): ${reason}`);
  }
}
