import type { Vendor } from './vendorEntry';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The table in docs/guide-steps.md mapping every guide step to what implements it, built from
 * vendor.json so the documentation cannot drift from the catalogue (test/docs/readme.test.ts
 * compares them).
 */
export const renderGuideStepTable = (vendors: Vendor[]): string => {
  const lines: string[] = [];
  for (const vendor of vendors) {
    lines.push(`#### ${vendor.title} (\`${vendor.guide}\`)`, '', '| Guide step | Implemented by |', '|---|---|');
    for (const step of vendor.guideSteps) {
      const how: string[] = [];
      for (const a of step.implementedBy ?? []) {
        const file = `\`${vendor.relDir}/${a.file}\``;
        how.push(
          a.path
            ? `${file} \`${a.path}\`${
                a.absent
                  ? ' absent'
                  : a.equals
                  ? ` = \`${a.equals}\``
                  : a.equalsValue
                  ? ` = values \`${a.equalsValue}\``
                  : ''
              }`
            : file
        );
      }
      if (step.command) how.push(step.command);
      if (step.manual) how.push(`**Manual:** ${step.manual}`);
      lines.push(`| ${cell(`${step.section}: ${step.guide}`)} | ${cell(how.join('<br>'))} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
};
