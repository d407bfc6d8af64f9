import { loadMessages } from '../messages';
import { problemText } from '../problems';
import { describeGap } from '../org/plan';
import type { StageResult } from './stageOrg';

const messages = loadMessages('stage');

/** What a release engineer reads after stage: the folder, the command to run on it, what is left. */
export const formatStageResult = (result: StageResult): string[] => {
  const lines: string[] = [];
  // Warnings are said once for the run (the CLI's warnings); errors stay here.
  for (const p of result.problems.filter((x) => x.severity === 'error')) lines.push(problemText(p));
  if (result.problems.some((p) => p.severity === 'error')) return [...lines, 'Nothing was staged.'];
  if (result.command && result.outputDir) {
    lines.push(
      messages.getMessage('info.Staged', [result.files.length, result.targetOrg, result.outputDir]),
      `  ${result.command}`
    );
  } else lines.push(messages.getMessage('info.NothingStaged', [result.targetOrg]));
  for (const n of result.notes) lines.push(`note: ${n}`);
  for (const g of result.featureGaps) lines.push(`without: ${describeGap(g)}`);
  for (const s of result.nextSteps) lines.push(`next: ${s}`);
  return lines;
};
