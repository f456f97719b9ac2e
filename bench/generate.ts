import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OrgShape {
  teams: number;
  /** Departments between the company and the teams (default: one per 10 teams, at least 3). */
  departments?: number;
  objectivesPerTeam?: number;
  krsPerObjective?: number;
  cycle?: string;
  seed?: number;
}

/** A small deterministic pseudo-random generator, so that a shape always gives the same files. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

const THEMES = ['customer-love', 'operational-excellence', 'profitable-growth'];
const VERBS = ['Delight', 'Win', 'Earn the trust of', 'Make life easier for', 'Grow loyalty among'];
const AUDIENCES = [
  'first-time buyers',
  'enterprise customers',
  'partners',
  'our own engineers',
  'support agents',
];

// Every objective gets a name of its own made of these syllables, which its title and its key
// results' titles carry: a real organisation's titles are nearly all different, and okr remembers
// what it worked out for a text, so a few titles repeated thousands of times would flatter it.
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 've', 'to', 'su', 'ne', 'di', 'po', 'ri', 'an'];
const TAILS = ['with a better experience', 'with fewer surprises', 'through faster answers'];

/** A made-up name for the number n (three syllables at least): "Kaloka", "Veritomi"… */
function codename(n: number): string {
  let name = '';
  let rest = n;
  for (let i = 0; i < 3 || rest > 0; i++) {
    name += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return name[0]!.toUpperCase() + name.slice(1);
}

function krYaml(rand: () => number, id: string, k: number, name: string): string {
  const checkin =
    rand() < 0.5
      ? `\n        checkins:\n          - { date: "2026-11-0${1 + Math.floor(rand() * 9)}", value: ${(rand() * 50).toFixed(1)} }`
      : '';
  switch (k % 4) {
    case 0:
      return `      - id: ${id}\n        title: Raise the weekly active share of ${name} among new accounts\n        start: 10\n        target: ${20 + Math.floor(rand() * 80)}\n        current: ${(10 + rand() * 40).toFixed(1)}\n        unit: "%"${checkin}\n`;
    case 1:
      return `      - id: ${id}\n        title: Keep p95 response time of the ${name} flow low\n        target: 300\n        keep: below\n        current: ${Math.floor(200 + rand() * 200)}\n        unit: ms${checkin}\n`;
    case 2:
      return `      - id: ${id}\n        title: Self-serve ${name} onboarding available in every market\n        done: ${rand() < 0.4}\n`;
    default:
      return `      - id: ${id}\n        title: ${name} customer interviews judged conclusive by the review board\n        progress: ${rand().toFixed(2)}\n        confidence: ${rand().toFixed(2)}\n`;
  }
}

function objectiveYaml(rand: () => number, id: string, parent: string, krs: number, n: number): string {
  const name = codename(n);
  const title = `${VERBS[Math.floor(rand() * VERBS.length)]} ${AUDIENCES[Math.floor(rand() * AUDIENCES.length)]} of ${name} ${TAILS[n % TAILS.length]}`;
  let text = `  - id: ${id}\n    title: ${title}\n    parent: ${parent}\n    key_results:\n`;
  for (let k = 0; k < krs; k++) text += krYaml(rand, `kr-${k + 1}`, k, name);
  return text;
}

/**
 * Writes a synthetic organisation into `dir`: a strategy with themes, company objectives for the
 * year, departments aligned to company KRs, and `teams` teams aligned to their department's KRs.
 * Returns the paths of the team files, relative to `dir`.
 */
export function generateOrg(dir: string, shape: OrgShape): string[] {
  const rand = random(shape.seed ?? 42);
  const objectives = shape.objectivesPerTeam ?? 3;
  const krs = shape.krsPerObjective ?? 4;
  const cycle = shape.cycle ?? '2026-Q4';
  const departments = shape.departments ?? Math.max(3, Math.ceil(shape.teams / 10));
  mkdirSync(join(dir, 'okrs', 'departments'), { recursive: true });
  mkdirSync(join(dir, 'okrs', 'teams'), { recursive: true });
  writeFileSync(
    join(dir, 'okrs', 'strategy.yaml'),
    `vision: A synthetic company for measuring okr\nthemes:\n${THEMES.map((t) => `  - id: ${t}\n    title: Theme ${t.replace(/-/g, ' ')}\n`).join('')}`,
  );
  let company = 'owner: company\ncycle: 2026\nobjectives:\n';
  THEMES.forEach((theme, i) => {
    company += `  - id: company-o${i + 1}\n    title: Lead the market through ${theme.replace(/-/g, ' ')}\n    theme: ${theme}\n    key_results:\n`;
    for (let k = 0; k < krs; k++)
      company += `      - id: kr-${k + 1}\n        title: Company result ${k + 1} of this theme\n`;
  });
  writeFileSync(join(dir, 'okrs', 'company.yaml'), company);
  for (let d = 0; d < departments; d++) {
    let text = `owner: department-${d + 1}\ncycle: 2026\nobjectives:\n`;
    for (let o = 0; o < objectives; o++) {
      const parent = `company-o${(o % THEMES.length) + 1}/kr-${(d % krs) + 1}`;
      text += `  - id: dept-${d + 1}-o${o + 1}\n    title: ${VERBS[(d + o) % VERBS.length]} ${AUDIENCES[o % AUDIENCES.length]} across the department\n    parent: ${parent}\n    key_results:\n`;
      for (let k = 0; k < krs; k++)
        text += `      - id: kr-${k + 1}\n        title: Department result ${k + 1}\n`;
    }
    writeFileSync(join(dir, 'okrs', 'departments', `department-${d + 1}.yaml`), text);
  }
  const teamFiles: string[] = [];
  for (let t = 0; t < shape.teams; t++) {
    const d = t % departments;
    let text = `owner: team-${t + 1}\ncycle: ${cycle}\nobjectives:\n`;
    for (let o = 0; o < objectives; o++) {
      const parent = `dept-${d + 1}-o${(o % objectives) + 1}/kr-${(Math.floor(t / departments) % krs) + 1}`;
      text += objectiveYaml(rand, `team-${t + 1}-o${o + 1}`, parent, krs, t * objectives + o);
    }
    const rel = `okrs/teams/team-${t + 1}.yaml`;
    writeFileSync(join(dir, rel), text);
    teamFiles.push(rel);
  }
  return teamFiles;
}

/**
 * The organisation generated into `dir` and committed as one commit of a fresh git repository, with
 * a node_modules folder (ignored) so that okr keeps its default cache there; returns the files.
 */
export function committedOrg(dir: string, shape: OrgShape): string[] {
  const files = generateOrg(dir, shape);
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@example.com',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@example.com',
        GIT_CONFIG_NOSYSTEM: '1',
      },
      stdio: 'ignore',
    });
  // A node project, as the default cache location asks (node_modules/.cache/okr at the root).
  mkdirSync(join(dir, 'node_modules'));
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'organisation');
  return files;
}
