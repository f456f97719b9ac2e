import { describe, expect, it } from 'vitest';
import { formatJunit, xmlAttribute, xmlText } from '../../src/format/junit.js';
import { expectGolden } from './golden.js';
import { FILES, HOSTILE, PROBLEMS, problem } from './problems.js';

// What XML 1.0 forbids.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

const testcases = (xml: string) => [...xml.matchAll(/<testcase name="([^"]*)"[^>]*?(\/)?>/g)];

describe('formatJunit', () => {
  it('matches the golden output', () => {
    expectGolden('problems.junit.xml', formatJunit(PROBLEMS, { files: FILES }));
  });

  it('has one test suite, one test case per checked file, passing files included', () => {
    const xml = formatJunit(PROBLEMS, { files: FILES });
    expect(xml.match(/<testsuite /g)).toHaveLength(1);
    expect(testcases(xml).map((m) => [m[1], m[2] === '/' ? 'passed' : 'failed'])).toEqual([
      ['okrs/2026-Q4/checkout.yaml', 'failed'],
      ['okrs/2026-Q4/growth.yaml', 'passed'],
      ['okrs/2026-Q4/payments.yaml', 'failed'],
    ]);
    expect(xml).toContain('<testsuite name="okr check" tests="3" failures="2" errors="0" skipped="0">');
  });

  it('has one failure per problem with its message and rule as type', () => {
    const xml = formatJunit(PROBLEMS, { files: FILES });
    const failures = [...xml.matchAll(/<failure message="([^"]*)" type="([^"]*)">([^<]*)<\/failure>/g)];
    expect(failures.map((f) => f[2])).toEqual(PROBLEMS.map((p) => p.ruleId));
    expect(failures[0]![1]).toBe(xmlAttribute(PROBLEMS[0]!.message));
    expect(failures[0]![3]).toBe(
      xmlText(`error at okrs/2026-Q4/checkout.yaml:4:5: ${PROBLEMS[0]!.message} (schema)`),
    );
  });

  it('escapes markup and replaces what XML 1.0 cannot hold', () => {
    expect(xmlText('a < b && c > "d"')).toBe('a &lt; b &amp;&amp; c &gt; "d"');
    expect(xmlAttribute(`"it's"\n\t<x>`)).toBe('&quot;it&apos;s&quot;&#10;&#9;&lt;x&gt;');
    expect(xmlText('bell\u0007 nul\u0000 lone\ud800 ok\u{1f600}')).toBe(
      'bell\\u0007 nul\\u0000 lone\\ud800 ok\u{1f600}',
    );
    const xml = formatJunit([problem({ ruleId: 'schema', message: HOSTILE, file: 'okrs/<a>&"b".yaml' })], {
      files: [],
    });
    expect(xml).not.toMatch(NOT_XML);
    expect(xml).toContain('name="okrs/&lt;a&gt;&amp;&quot;b&quot;.yaml"');
    expect(xml).not.toContain('<b>');
  });

  it('lists every file as passing when there are no problems', () => {
    const xml = formatJunit([], { files: FILES });
    expect(testcases(xml).every((m) => m[2] === '/')).toBe(true);
    expect(xml).toContain('tests="3" failures="0"');
  });
});
