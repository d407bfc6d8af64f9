import fs from 'node:fs';
import path from 'node:path';
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

/** Writes the report, creating its folder; returns the path as given. */
export const writeJunit = (file: string, suites: JunitSuite[]): string => {
  const absolute = path.resolve(file);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  fs.writeFileSync(absolute, renderJunit(suites));
  return file;
};
