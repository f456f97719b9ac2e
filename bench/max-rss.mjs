// Preloaded into every measured node process when time(1) is missing: reports the peak resident
// memory (KB) at exit to the file the benchmark names.
import { appendFileSync } from 'node:fs';

const file = process.env.OKR_BENCH_RSS_FILE;
if (file)
  process.on('exit', () => {
    appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
