import type { Verdict } from './exitCodes';

/**
 * The closing line of every org command: "3 orgs: 2 succeeded, 1 failed", with partly done and still
 * running counted when there are any. Said for one org too, so a script or a person always finds it last.
 */
export const runSummary = (verdicts: Verdict[]): string => {
  const count = (v: Verdict): number => verdicts.filter((x) => x === v).length;
  const parts = [`${count('ok')} succeeded`, `${count('failed')} failed`];
  if (count('partial')) parts.push(`${count('partial')} partly done`);
  if (count('running')) parts.push(`${count('running')} still running or unknown`);
  return `${verdicts.length} org${verdicts.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
};
