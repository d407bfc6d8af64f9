import path from 'node:path';
import { SfError } from '@salesforce/core/sfError';
import { writeOutputFile, type OutputTarget } from '../files';
import { escapeXml } from '../metadata';
import type { OrgError } from '../org';

/**
 * One test case. Its name says what was checked and never how it came out (reporters keep history
 * by name); the outcome is a <failure>, a <skipped> (a warning: neither a pass nor a failure), or
 * nothing (a pass). `time` in seconds.
 */
export type JunitCase = {
  name: string;
  classname: string;
  failure?: { message: string; detail: string };
  skipped?: { message: string };
  time?: number;
};
export type JunitSuite = { name: string; cases: JunitCase[]; time?: number };

const seconds = (time: number | undefined): string => (time === undefined ? '' : ` time="${time.toFixed(3)}"`);
const count = (cases: JunitCase[], what: 'failure' | 'skipped'): number => cases.filter((c) => c[what]).length;

/** The suite of an org the run could not get through: one failing case carrying the error and its actions. */
export const failedOrgSuite = (
  targetOrg: string,
  classname: string,
  caseName: string,
  error: OrgError,
  time?: number
): JunitSuite => ({
  name: targetOrg,
  ...(time === undefined ? {} : { time }),
  cases: [
    {
      name: caseName,
      classname,
      failure: { message: `${error.name}: ${error.message}`, detail: error.actions.join('\n') },
      ...(time === undefined ? {} : { time }),
    },
  ],
});

/** JUnit XML as CI systems read it (GitHub, GitLab, Jenkins): one testsuite per org, one testcase per intended setting. */
export const renderJunit = (suites: JunitSuite[]): string => {
  const all = suites.flatMap((s) => s.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="vendor-access" tests="${all.length}" failures="${count(all, 'failure')}" skipped="${count(
      all,
      'skipped'
    )}">`,
  ];
  for (const suite of suites) {
    lines.push(
      `  <testsuite name="${escapeXml(suite.name)}" tests="${suite.cases.length}" failures="${count(
        suite.cases,
        'failure'
      )}" skipped="${count(suite.cases, 'skipped')}"${seconds(suite.time)}>`
    );
    for (const c of suite.cases) {
      const open = `    <testcase classname="${escapeXml(c.classname)}" name="${escapeXml(c.name)}"${seconds(c.time)}`;
      if (c.failure)
        lines.push(
          `${open}>`,
          `      <failure message="${escapeXml(c.failure.message)}">${escapeXml(c.failure.detail)}</failure>`,
          '    </testcase>'
        );
      else if (c.skipped)
        lines.push(`${open}>`, `      <skipped message="${escapeXml(c.skipped.message)}"/>`, '    </testcase>');
      else lines.push(`${open}/>`);
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
};

/**
 * `--junit <file>` as an output target: read from the working folder; an existing file is replaced
 * only when it is a report vendor-access wrote (a CI job writes the same path on every run), never
 * another file that happens to be there.
 */
export const junitTarget = (given: string, cwd = process.cwd()): OutputTarget & { kind: 'file' } => ({
  label: 'the --junit report',
  given,
  absolute: path.resolve(cwd, given),
  kind: 'file',
  existing: {
    replace: 'own',
    what: 'a JUnit report vendor-access wrote',
    isOwn: (head) => /^<\?xml[^>]*\?>\s*<testsuites name="vendor-access"/.test(head),
  },
});

/**
 * Writes the report after the run. The run's result stands whatever happens here: a report that
 * cannot be written comes back as a message for the end of the output, never as a thrown error
 * that would hide what the run did to the org.
 */
export const writeJunit = (
  target: OutputTarget & { kind: 'file' },
  projectDir: string,
  suites: JunitSuite[]
): { note: string } | { failure: string } => {
  try {
    writeOutputFile(target, { projectDir }, renderJunit(suites));
    return { note: `JUnit report: ${target.given}` };
  } catch (err) {
    const e = SfError.wrap(err instanceof Error ? err : String(err));
    return { failure: [`${e.name}: ${e.message}`, ...(e.actions ?? [])].join(' ') };
  }
};
