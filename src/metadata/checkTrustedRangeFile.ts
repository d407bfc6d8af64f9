import fs from 'node:fs';
import path from 'node:path';
import type { Vendor } from '../catalogue';
import { INPUT_LIMITS } from '../files';
import { checkRange, parseRangeSpec, rangeProblem, type IpRange, type ParsedRange } from '../network';
import { type Problem, problemsFrom } from '../problems';
import type { VendorMetadata } from './vendorMetadata';
import { textOf } from './xml';

const problem = problemsFrom('metadata');

/** The vendor's published ranges, each checked on its own, against the ranges its SecuritySettings file holds. */
const publishedRangeProblems = (vendor: Vendor, metadata: VendorMetadata, rel: string): Problem[] => {
  const spec = vendor.trustedRanges;
  if (!spec?.published) return [];
  // Each published entry is checked on its own and named when bad, so a typo in vendor.json is
  // never reported as a correct range being "missing" or "extra".
  const catalogue = `${vendor.relDir}/vendor.json`;
  const key = (r: ParsedRange): string => `${r.start.family}:${r.start.value}-${r.end.value}`;
  const expected = new Map<string, string>();
  if (spec.published.length > INPUT_LIMITS.trustedRanges) {
    return [
      problem.error('PublishedRangesTooMany', { file: catalogue, field: 'trustedRanges.published' }, [
        spec.published.length,
        INPUT_LIMITS.trustedRanges,
      ]),
    ];
  }
  const problems: Problem[] = [];
  spec.published.forEach((p, i) => {
    const where = { file: catalogue, field: `trustedRanges.published[${i}]` };
    // Each entry is a string: the loader checked vendor.json against its schema (PublishedRangeNotString).
    const r = parseRangeSpec(p);
    if (!r.ok) problems.push(rangeProblem(r.fault, where));
    else expected.set(key(r.range), p);
  });
  const actual = new Set<string>();
  const extra: IpRange[] = [];
  for (const r of metadata.fixedRanges) {
    const c = checkRange(r.start, r.end);
    if (!c.ok) continue;
    actual.add(key(c.range));
    if (!expected.has(key(c.range))) extra.push(r);
  }
  const missing = [...expected].filter(([k]) => !actual.has(k)).map(([, text]) => text);
  // With a bad published entry the file's matching range cannot be told from an extra one.
  if (expected.size < spec.published.length) extra.length = 0;
  const where = { file: rel, field: 'networkAccess' };
  if (missing.length)
    problems.push(problem.error('TrustedRangesLackPublished', where, [missing.join(', '), spec.source]));
  if (extra.length)
    problems.push(
      problem.error('TrustedRangesNotPublished', where, [
        extra.map((r) => `${r.start}-${r.end}`).join(', '),
        spec.source,
      ])
    );
  return problems;
};

/** The vendor's SecuritySettings ranges: each valid and owned; recorded in `metadata.fixedRanges`. */
export const checkTrustedRangeFile = (vendor: Vendor, metadata: VendorMetadata): Problem[] => {
  const spec = vendor.trustedRanges;
  if (!spec?.file) return [];
  const file = metadata.files.get(spec.file);
  const rel = `${vendor.relDir}/${spec.file}`;
  if (!file) {
    return fs.existsSync(path.join(vendor.dir, spec.file))
      ? []
      : [
          problem.error(
            'TrustedRangeFileMissing',
            { file: `${vendor.relDir}/vendor.json`, field: 'trustedRanges.file' },
            [spec.file]
          ),
        ];
  }
  const problems: Problem[] = [];
  const access = file.node.networkAccess?.[0];
  const ranges = typeof access === 'object' ? access.ipRanges ?? [] : [];
  ranges.forEach((node, i) => {
    if (typeof node !== 'object') return;
    const start = textOf(node.start?.[0]) ?? '';
    const end = textOf(node.end?.[0]) ?? '';
    const description = textOf(node.description?.[0]) ?? '';
    const result = checkRange(start, end);
    if (!result.ok) problems.push(rangeProblem(result.fault, { file: rel, field: `networkAccess/ipRanges[${i}]` }));
    if (!description.startsWith(spec.descriptionPrefix)) {
      problems.push(
        problem.error(
          'TrustedRangeDescriptionNotOwned',
          { file: rel, field: `networkAccess/ipRanges[${i}]/description` },
          [description, spec.descriptionPrefix, spec.owner],
          [spec.descriptionPrefix, i + 1]
        )
      );
    }
    metadata.fixedRanges.push({ start, end, description });
  });
  problems.push(...publishedRangeProblems(vendor, metadata, rel));
  return problems;
};
