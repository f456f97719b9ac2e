import type { Diagnostic, Severity } from '../diagnostics.js';
import { ruleDocsUrl } from '../lint/registry.js';
import type { RuleMeta } from '../lint/types.js';
import { fingerprintsOf } from './fingerprint.js';
import { spanOf } from './span.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const OKR_HOME = 'https://github.com/okr-cli/okr';
/** Paths are relative to the repository root, which code scanning calls the source root. */
export const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  /** okr's version, for tool.driver.version. */
  version: string;
  /** Every rule okr has, whether or not it reported anything. */
  rules: readonly RuleMeta[];
}

const level = (severity: Severity) => (severity === 'error' ? 'error' : 'warning');

function describeOptions(options: RuleMeta['options']): string {
  const entries = Object.entries(options);
  if (entries.length === 0) return '';
  const list = entries.map(([name, value]) => `${name} (default ${JSON.stringify(value)})`).join(', ');
  return ` Options: ${list}.`;
}

function ruleDescriptor(rule: RuleMeta) {
  const url = ruleDocsUrl(rule.id);
  const full = `${rule.description} Default severity: ${rule.severity}.${describeOptions(rule.options)}`;
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: full },
    help: { text: `${full} Documentation: ${url}`, markdown: `${full}\n\n[Documentation](${url})` },
    helpUri: url,
    defaultConfiguration: { level: level(rule.severity) },
  };
}

/** A repository path as a relative URI reference: each segment percent-encoded, `/` kept. */
const uriOf = (file: string) => file.split('/').map(encodeURIComponent).join('/');

/**
 * `okr check --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. Every rule is listed in
 * tool.driver.rules; each result points at its rule by id and index, at a repository-relative file,
 * and carries a fingerprint that does not depend on line numbers.
 */
export function formatSarif(problems: readonly Diagnostic[], options: SarifOptions): string {
  const rules: RuleMeta[] = [...options.rules];
  const indexOf = new Map(rules.map((r, i) => [r.id, i]));
  for (const p of problems) {
    // A problem from a rule the caller did not list still needs a descriptor to point at.
    if (!indexOf.has(p.ruleId)) {
      indexOf.set(p.ruleId, rules.length);
      rules.push({ id: p.ruleId, description: p.ruleId, severity: p.severity, options: {} });
    }
  }
  const fingerprints = fingerprintsOf(problems);
  const results = problems.map((p, i) => ({
    ruleId: p.ruleId,
    ruleIndex: indexOf.get(p.ruleId)!,
    level: level(p.severity),
    message: { text: p.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(p.file), uriBaseId: SRCROOT },
          region: spanOf(p),
        },
      },
    ],
    // primaryLocationLineHash is the key code scanning tracks alerts by; given here, it is used as is.
    partialFingerprints: {
      primaryLocationLineHash: `${fingerprints[i]!.hash}:${fingerprints[i]!.occurrence}`,
    },
    ...(p.target === null ? {} : { properties: { target: p.target } }),
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'okr',
            version: options.version,
            semanticVersion: options.version,
            informationUri: OKR_HOME,
            rules: rules.map(ruleDescriptor),
          },
        },
        // Columns come from the YAML parser's offsets into JavaScript strings.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
