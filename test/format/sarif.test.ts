import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { formatJson } from '../../src/format/json.js';
import { formatSarif } from '../../src/format/sarif.js';
import { ruleDocsUrl, ruleMetas } from '../../src/lint/registry.js';
import { REPO_ROOT } from '../helpers.js';
import { expectGolden } from './golden.js';
import { HOSTILE, PROBLEMS, problem, RULES } from './problems.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: string };
      region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
}
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  helpUri: string;
  defaultConfiguration: { level: string };
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    results: SarifResult[];
  }[];
}

const schema = JSON.parse(
  readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'),
) as object;
// The published schema is draft-07 with formats ajv-formats would check; the structure is what matters here.
const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(schema);

const sarif = (problems: readonly Diagnostic[], rules = RULES) =>
  JSON.parse(formatSarif(problems, { version: '1.2.3', rules })) as SarifLog;

const fingerprints = (log: SarifLog) =>
  log.runs[0]!.results.map((r) => r.partialFingerprints.primaryLocationLineHash);

describe('formatSarif', () => {
  it('matches the golden output', () => {
    expectGolden('problems.sarif', formatSarif(PROBLEMS, { version: '1.2.3', rules: RULES }));
  });

  it('is valid against the SARIF 2.1.0 schema, with and without results, with every real rule', () => {
    for (const problems of [PROBLEMS, [], [problem({ ruleId: 'schema', message: HOSTILE })]]) {
      const log = sarif(problems, ruleMetas());
      expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
  });

  it('fails the schema when a result is broken, so the validation is real', () => {
    const log = sarif(PROBLEMS);
    (log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region as { startLine: number }).startLine = 0;
    expect(validate(log)).toBe(false);
  });

  it('describes the tool and every rule, with its docs page and default level', () => {
    const rules = ruleMetas();
    const driver = sarif([], rules).runs[0]!.tool.driver;
    expect(driver.name).toBe('okr');
    expect(driver.version).toBe('1.2.3');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((r) => r.id)).toEqual(rules.map((r) => r.id));
    for (const [i, rule] of driver.rules.entries()) {
      expect(rule.shortDescription.text).toBe(rules[i]!.description);
      expect(rule.fullDescription.text).toContain(rules[i]!.description);
      expect(rule.help.text).toContain(ruleDocsUrl(rule.id));
      expect(rule.helpUri).toBe(ruleDocsUrl(rule.id));
      expect(rule.defaultConfiguration.level).toBe(rules[i]!.severity);
    }
  });

  it('points each result at its rule, level, file and region', () => {
    const log = sarif(PROBLEMS);
    const { rules } = log.runs[0]!.tool.driver;
    const results = log.runs[0]!.results;
    expect(results).toHaveLength(PROBLEMS.length);
    for (const [i, result] of results.entries()) {
      const p = PROBLEMS[i]!;
      expect(result.ruleId).toBe(p.ruleId);
      expect(rules[result.ruleIndex]!.id).toBe(p.ruleId);
      expect(result.level).toBe(p.severity);
      expect(result.message.text).toBe(p.message);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(artifactLocation).toEqual({ uri: p.file, uriBaseId: '%SRCROOT%' });
      expect(region.startLine).toBe(p.line);
      expect(region.startColumn).toBe(p.column);
    }
    expect(results[0]!.locations[0]!.physicalLocation.region).toEqual({
      startLine: 4,
      startColumn: 5,
      endLine: 4,
      endColumn: 10,
    });
    // A block mapping ends at column 1 of the next line: the region stops at the line before.
    expect(results[1]!.locations[0]!.physicalLocation.region).toEqual({
      startLine: 6,
      startColumn: 5,
      endLine: 29,
    });
  });

  it('percent-encodes paths into relative URI references', () => {
    const log = sarif([problem({ ruleId: 'schema', message: 'm', file: 'okrs/Team A/50% #1.yaml' })]);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'okrs/Team%20A/50%25%20%231.yaml',
    );
  });

  it('keeps fingerprints when unrelated lines move, and tells identical problems apart', () => {
    const moved = PROBLEMS.map((p) => ({ ...p, line: p.line + 7, endLine: p.endLine + 7 }));
    const before = fingerprints(sarif(PROBLEMS));
    expect(fingerprints(sarif(moved))).toEqual(before);
    expect(new Set(before).size).toBe(PROBLEMS.length);
    // The two identical vague-objective problems differ only in their occurrence.
    expect(before[3]!.replace(/:\d+$/, '')).toBe(before[4]!.replace(/:\d+$/, ''));
    expect([before[3]!.slice(-2), before[4]!.slice(-2)]).toEqual([':1', ':2']);
    const reworded = PROBLEMS.map((p, i) => (i === 0 ? { ...p, message: `${p.message}!` } : p));
    const after = fingerprints(sarif(reworded));
    expect(after[0]).not.toBe(before[0]);
    expect(after.slice(1)).toEqual(before.slice(1));
  });

  it('keeps the fingerprint when a place named in the message moves', () => {
    const duplicate = (line: number) =>
      problem({
        ruleId: 'duplicate-id',
        message: `objective "grow" is already used at okrs/2026-Q4/a.yaml:${line}; ids are unique, so rename one`,
        target: 'grow',
        line: line + 20,
      });
    expect(fingerprints(sarif([duplicate(12)]))).toEqual(fingerprints(sarif([duplicate(15)])));
    const elsewhere = problem({
      ...duplicate(12),
      message: duplicate(12).message.replace('a.yaml', 'b.yaml'),
    });
    expect(fingerprints(sarif([elsewhere]))).not.toEqual(fingerprints(sarif([duplicate(12)])));
  });

  it('carries hostile text unchanged, exactly as the JSON format does', () => {
    const p = problem({ ruleId: 'schema', message: HOSTILE, target: HOSTILE });
    expect(sarif([p]).runs[0]!.results[0]!.message.text).toBe(HOSTILE);
    const json = JSON.parse(formatJson([p], 1)) as { problems: { message: string; target: string }[] };
    expect(json.problems[0]!.message).toBe(HOSTILE);
    expect(json.problems[0]!.target).toBe(HOSTILE);
  });

  it('adds a descriptor for a rule it was not told about, so that ruleIndex stays valid', () => {
    const log = sarif([problem({ ruleId: 'from-a-plugin', message: 'm', severity: 'warning' })]);
    const { rules } = log.runs[0]!.tool.driver;
    const result = log.runs[0]!.results[0]!;
    expect(rules[result.ruleIndex]!.id).toBe('from-a-plugin');
    expect(validate(log)).toBe(true);
  });
});
