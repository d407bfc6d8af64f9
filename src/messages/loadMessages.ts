import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { SfError } from '@salesforce/core/sfError';
import { PACKAGE_ROOT } from '../config';

/**
 * The user-facing strings of one `messages/<bundle>.md` file, read the way @salesforce/core's
 * `Messages` reads them (same markdown rules, same error names, same token handling), without
 * loading @salesforce/core: `Messages` pulls in core's logger (pino), which alone costs about as
 * much as a bare `node -e 0`, and `--help`, `cert`, `review` and `env` need none of it. Errors are
 * core's own `SfError`, from its light `@salesforce/core/sfError` entry point (one file).
 * test/messages/loadMessages.test.ts holds this to core's `Messages` for every bundle.
 */
export type MessageBundle = {
  getMessage: (key: string, tokens?: unknown[]) => string;
  getMessages: (key: string, tokens?: unknown[]) => string[];
  /** `error.CheckFailed` → SfError named `CheckFailedError`, actions from `error.CheckFailed.actions`. */
  createError: (
    key: string,
    tokens?: unknown[],
    actionTokens?: unknown[],
    exitCodeOrCause?: number | Error,
    cause?: unknown
  ) => SfError;
  /** `warning.X` → `{ name: 'XWarning', message, actions }`. */
  createWarning: (
    key: string,
    tokens?: unknown[],
    actionTokens?: unknown[]
  ) => { name: string; message: string; actions: string[] | undefined };
};

const LIST_ROW = /^[*-]\s+|^ {2}/;
const LIST_ITEM = /^[*-]\s+/gm;
const SPECIFIER = /%[sdifjoO]/gm;

/** `# key` sections; a section whose every line is a list row is a list of messages. */
const parseMarkdown = (file: string, text: string): Map<string, string | string[]> => {
  const map = new Map<string, string | string[]>();
  for (const section of text.split(/^#\s*/gm).filter((s) => s.trim() !== '')) {
    const lines = section.split('\n');
    const key = lines.shift()?.trim();
    const rest = lines.join('\n').trim();
    if (!key || rest === '')
      throw new SfError(
        `Invalid markdown message file: ${file}: "# ${key ?? ''}" has no message.`,
        'InvalidMessageFileError',
        [`Give every heading in ${file} a message under it.`]
      );
    const nonEmpty = lines.filter((line) => line.trim() !== '');
    map.set(
      key,
      nonEmpty.every((line) => LIST_ROW.test(line))
        ? rest
            .split(LIST_ITEM)
            .filter((item) => item.trim() !== '')
            .map((item) =>
              item
                .split('\n')
                .map((line) => line.trim())
                .filter((line) => line !== '')
                .join('\n')
            )
        : rest
    );
  }
  return map;
};

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const bundles = new Map<string, MessageBundle>();

/** The bundle `messages/<bundle>.md` of this package; read once, on first use. */
export const loadMessages = (bundle: string): MessageBundle => {
  const cached = bundles.get(bundle);
  if (cached) return cached;
  const file = path.join(PACKAGE_ROOT, 'messages', `${bundle}.md`);
  let map: Map<string, string | string[]> | undefined;
  const entries = (): Map<string, string | string[]> => (map ??= parseMarkdown(file, fs.readFileSync(file, 'utf8')));

  // Tokens are shared across a list's items in order; an item without a specifier takes none.
  const getMessages = (key: string, tokens: unknown[] = []): string[] => {
    const value = entries().get(key);
    if (value === undefined || value === '')
      throw new SfError(`Missing message ${bundle}:${key} for locale en_US.`, 'MissingMessageError');
    let next = 0;
    return (Array.isArray(value) ? value : [value]).map((message) => {
      const count = message.match(SPECIFIER)?.length ?? 0;
      if (count === 0) return message;
      const used = tokens.slice(next, next + count);
      next += count;
      return format(message, ...used);
    });
  };
  const getMessage = (key: string, tokens: unknown[] = []): string => getMessages(key, tokens).join(os.EOL);
  const actionsFor = (key: string, actionTokens: unknown[]): string[] | undefined =>
    entries().has(`${key}.actions`) ? getMessages(`${key}.actions`, actionTokens) : undefined;
  const nameFor = (key: string, type: 'error' | 'warning'): string => {
    const label = upperFirst(type);
    const bare = key.replace(type === 'error' ? /^error.*\./ : /^warning./, '');
    return `${upperFirst(bare)}${key.endsWith(label) ? '' : label}`;
  };

  const messages: MessageBundle = {
    getMessage,
    getMessages,
    createError: (key, tokens = [], actionTokens = [], exitCodeOrCause, cause) =>
      new SfError(
        getMessage(key, tokens),
        nameFor(key, 'error'),
        actionsFor(key, actionTokens),
        exitCodeOrCause,
        cause
      ),
    createWarning: (key, tokens = [], actionTokens = []) => ({
      name: nameFor(key, 'warning'),
      message: getMessage(key, tokens),
      actions: actionsFor(key, actionTokens),
    }),
  };
  bundles.set(bundle, messages);
  return messages;
};
