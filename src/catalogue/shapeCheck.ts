import { type Problem, problemsFrom } from '../problems';

const problem = problemsFrom('catalogue');

/**
 * The problems found in one of the catalogue's JSON files (sfdx-project.json, vendor.json,
 * users/*.json), each naming the file and the JSON path: the schema check (schemaCheck.ts) and the
 * rules across keys (vendorRules.ts) record here instead of throwing, so a file with five mistakes
 * reports five problems. Its texts are `problem.*` of messages/catalogue.md.
 */
export class ShapeCheck {
  public readonly problems: Problem[] = [];

  public constructor(private readonly file: string) {}

  /** Records the problem `code` of messages/catalogue.md at `field` of this file. */
  public error(code: string, field: string, tokens: string[] = [], fixTokens: string[] = []): void {
    this.problems.push(problem.error(code, { file: this.file, field }, tokens, fixTokens));
  }
}

/** A JSON value as a problem's message shows it. */
export const describe = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
  return typeof value === 'object' ? 'an object' : String(value);
};
