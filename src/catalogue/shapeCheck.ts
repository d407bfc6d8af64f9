import type { Problem } from '../inputs/problem';

/**
 * A small typed checker for JSON data files: each `expect*` records a problem naming the file and
 * the JSON path instead of throwing, so a file with five mistakes reports five problems.
 */
export class ShapeCheck {
  public readonly problems: Problem[] = [];

  public constructor(private readonly file: string) {}

  public fail(field: string, message: string, fix: string): void {
    this.problems.push({ severity: 'error', file: this.file, field, message, fix });
  }

  public object(value: unknown, field: string): Record<string, unknown> | undefined {
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    this.fail(field, `must be an object, found ${describe(value)}`, `Write ${field} as a JSON object { ... }.`);
    return undefined;
  }

  public string(obj: Record<string, unknown>, key: string, path: string, optional = false): string | undefined {
    const value = obj[key];
    if (value === undefined && optional) return undefined;
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.fail(
      join(path, key),
      value === undefined ? 'is missing' : `must be a non-empty string, found ${describe(value)}`,
      `Set ${join(path, key)} to a string.`
    );
    return undefined;
  }

  public boolean(obj: Record<string, unknown>, key: string, path: string): boolean | undefined {
    const value = obj[key];
    if (typeof value === 'boolean') return value;
    this.fail(
      join(path, key),
      value === undefined ? 'is missing' : `must be true or false, found ${describe(value)}`,
      `Set ${join(path, key)} to true or false.`
    );
    return undefined;
  }

  public array(obj: Record<string, unknown>, key: string, path: string, optional = false): unknown[] | undefined {
    const value = obj[key];
    if (value === undefined && optional) return undefined;
    if (Array.isArray(value)) return value;
    this.fail(
      join(path, key),
      value === undefined ? 'is missing' : `must be a list, found ${describe(value)}`,
      `Set ${join(path, key)} to a JSON list [ ... ].`
    );
    return undefined;
  }

  public stringArray(obj: Record<string, unknown>, key: string, path: string, optional = false): string[] | undefined {
    const list = this.array(obj, key, path, optional);
    if (!list) return undefined;
    const bad = list.findIndex((item) => typeof item !== 'string');
    if (bad >= 0) {
      this.fail(
        `${join(path, key)}[${bad}]`,
        `must be a string, found ${describe(list[bad])}`,
        'Write every entry as a JSON string.'
      );
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
    this.fail(join(path, key), `"${value}" is not one of ${allowed.join(', ')}`, `Use one of: ${allowed.join(', ')}.`);
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
