import type { Problem } from '../inputs/problem';
import { problemsFrom } from '../inputs/problems';

const problem = problemsFrom('catalogue');

/**
 * A small typed checker for the catalogue's JSON files (sfdx-project.json, vendor.json, users/*.json):
 * each check records a problem naming the file and the JSON path instead of throwing, so a file
 * with five mistakes reports five problems. Its texts are `problem.*` of messages/catalogue.md.
 */
export class ShapeCheck {
  public readonly problems: Problem[] = [];

  public constructor(private readonly file: string) {}

  /** Records the problem `code` of messages/catalogue.md at `field` of this file. */
  public error(code: string, field: string, tokens: string[] = [], fixTokens: string[] = []): void {
    this.problems.push(problem.error(code, { file: this.file, field }, tokens, fixTokens));
  }

  public object(value: unknown, field: string): Record<string, unknown> | undefined {
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    this.error('CatalogueNotAnObject', field, [describe(value)], [field]);
    return undefined;
  }

  public string(obj: Record<string, unknown>, key: string, path: string, optional = false): string | undefined {
    const value = obj[key];
    if (value === undefined && optional) return undefined;
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (value === undefined) this.error('CatalogueStringMissing', join(path, key), [], [join(path, key)]);
    else this.error('CatalogueNotAString', join(path, key), [describe(value)], [join(path, key)]);
    return undefined;
  }

  public boolean(obj: Record<string, unknown>, key: string, path: string): boolean | undefined {
    const value = obj[key];
    if (typeof value === 'boolean') return value;
    if (value === undefined) this.error('CatalogueBooleanMissing', join(path, key), [], [join(path, key)]);
    else this.error('CatalogueNotABoolean', join(path, key), [describe(value)], [join(path, key)]);
    return undefined;
  }

  public array(obj: Record<string, unknown>, key: string, path: string, optional = false): unknown[] | undefined {
    const value = obj[key];
    if (value === undefined && optional) return undefined;
    if (Array.isArray(value)) return value as unknown[];
    if (value === undefined) this.error('CatalogueListMissing', join(path, key), [], [join(path, key)]);
    else this.error('CatalogueNotAList', join(path, key), [describe(value)], [join(path, key)]);
    return undefined;
  }

  public stringArray(obj: Record<string, unknown>, key: string, path: string, optional = false): string[] | undefined {
    const list = this.array(obj, key, path, optional);
    if (!list) return undefined;
    const bad = list.findIndex((item) => typeof item !== 'string');
    if (bad >= 0) {
      this.error('CatalogueListEntryNotAString', `${join(path, key)}[${bad}]`, [describe(list[bad])]);
      return undefined;
    }
    return list as string[];
  }

  public oneOf<T extends string>(
    obj: Record<string, unknown>,
    key: string,
    path: string,
    allowed: readonly T[]
  ): T | undefined {
    const value = this.string(obj, key, path);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.error('CatalogueNotOneOf', join(path, key), [value, allowed.join(', ')], [allowed.join(', ')]);
    return undefined;
  }
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

export const describe = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
  return typeof value === 'object' ? 'an object' : String(value);
};
