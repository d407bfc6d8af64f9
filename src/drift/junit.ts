import path from 'node:path';
import { SfError } from '@salesforce/core/sfError';
import { writeOutputFile, type OutputTarget } from '../files';
import { escapeXml } from '../metadata/renderXml';
import type { OrgError } from '../org/orgError';

export type JunitCase = { name: string; classname: string; failure?: { message: string; detail: string } };
export type JunitSuite = { name: string; cases: JunitCase[] };

/** The suite of an org the run could not get through: one failing case carrying the error and its actions. */
export const failedOrgSuite = (
  targetOrg: string,
  classname: string,
  caseName: string,
  error: OrgError
): JunitSuite => ({
  name: targetOrg,
  cases: [
    {
      name: caseName,
      classname,
      failure: { message: `${error.name}: ${error.message}`, detail: error.actions.join('\n') },
    },
  ],
});

/** JUnit XML as CI systems read it (GitHub, GitLab, Jenkins): one testsuite per org, one testcase per intended setting. */
export const renderJunit = (suites: JunitSuite[]): string => {
  const total = suites.reduce((n, s) => n + s.cases.length, 0);
  const failures = suites.reduce((n, s) => n + s.cases.filter((c) => c.failure).length, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="vendor-access" tests="${total}" failures="${failures}">`,
  ];
  for (const suite of suites) {
    lines.push(
      `  <testsuite name="${escapeXml(suite.name)}" tests="${suite.cases.length}" failures="${
        suite.cases.filter((c) => c.failure).length
      }">`
    );
    for (const c of suite.cases) {
      const open = `    <testcase classname="${escapeXml(c.classname)}" name="${escapeXml(c.name)}"`;
      if (!c.failure) lines.push(`${open}/>`);
      else
        lines.push(
          `${open}>`,
          `      <failure message="${escapeXml(c.failure.message)}">${escapeXml(c.failure.detail)}</failure>`,
          '    </testcase>'
        );
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
