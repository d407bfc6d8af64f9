import type { ElementAssertion, Vendor } from '../catalogue';
import { type Problem, problemsFrom } from '../problems';
import type { CheckedFile } from './checkMetadataFile';
import { selectValues } from './elementPath';
import { replacementApplies, type ReplacementEntry } from './replacementsConfig';
import { textOf, XmlValue } from './xml';

const problem = problemsFrom('metadata');

/** The values at a path, or undefined when the path is not one elementPath can read. */
const valuesAt = (file: CheckedFile, path: string): XmlValue[] | undefined => {
  try {
    return selectValues(file.node, path);
  } catch {
    return undefined;
  }
};

type Where = { file: string; field: string };

/** An `equalsValue` claim: the element holds the placeholder that the named value's own replacement fills. */
const fromValueProblem = (
  vendor: Vendor,
  file: CheckedFile,
  claim: { stepId: string; path: string; key: string; text: string },
  replacements: ReplacementEntry[],
  where: Where
): Problem | undefined => {
  const spec = vendor.values.find((v) => v.key === claim.key);
  if (!spec)
    return problem.error(
      'GuideStepValueUnknown',
      where,
      [claim.stepId, claim.key],
      [vendor.values.map((v) => v.key).join(', ')]
    );
  const filled = replacements.find((r) => r.stringToReplace === claim.text && replacementApplies(r, file.rel));
  const fromSpec =
    filled !== undefined &&
    ((spec.env !== undefined && filled.replaceWithEnv === spec.env) ||
      (spec.replacementFile !== undefined && filled.replaceWithFile === spec.replacementFile));
  return fromSpec
    ? undefined
    : problem.error('GuideStepValueNotFromValue', where, [claim.stepId, claim.path, claim.text, claim.key]);
};

/** One `implementedBy` claim against the vendor's files. */
const claimProblem = (
  vendor: Vendor,
  files: Map<string, CheckedFile>,
  stepId: string,
  a: ElementAssertion,
  replacements: ReplacementEntry[],
  where: Where
): Problem | undefined => {
  const file = files.get(a.file);
  if (!file) return problem.error('GuideStepFileMissing', where, [stepId, a.file], [vendor.relDir]);
  if (a.path === undefined) return undefined;
  const values = valuesAt(file, a.path);
  if (values === undefined) return problem.error('GuideStepPathInvalid', where, [stepId, a.path]);
  if (a.absent)
    return values.length ? problem.error('GuideStepElementPresent', where, [stepId, a.path, file.rel]) : undefined;
  if (!values.length) return problem.error('GuideStepElementMissing', where, [stepId, a.path, file.rel]);
  const text = textOf(values[0]) ?? '';
  if (a.equals !== undefined && text !== a.equals)
    return problem.error('GuideStepValueDiffers', where, [stepId, a.path, text, a.equals]);
  if (a.equalsValue !== undefined)
    return fromValueProblem(vendor, file, { stepId, path: a.path, key: a.equalsValue, text }, replacements, where);
  return undefined;
};

/**
 * vendor.json's guide-step claims hold in the vendor's files: each `implementedBy` names a file of
 * the vendor's folder, and the element at its path exists (or is absent, when it says so) with the
 * value it claims; a claimed values key is the one whose replacement fills the element. So a guide
 * step cannot claim an element that is not there.
 */
export const checkGuideSteps = (
  vendor: Vendor,
  files: Map<string, CheckedFile>,
  replacements: ReplacementEntry[]
): Problem[] => {
  const problems: Problem[] = [];
  const entry = `${vendor.relDir}/vendor.json`;
  vendor.guideSteps.forEach((step, i) => {
    (step.implementedBy ?? []).forEach((a, j) => {
      const where = { file: entry, field: `guideSteps[${i}].implementedBy[${j}]` };
      const found = claimProblem(vendor, files, step.id, a, replacements, where);
      if (found) problems.push(found);
    });
  });
  return problems;
};
