import { loadMessages } from '../messages';
import { findProjectDir } from '../project';
import { EXIT_CODES } from '../output';
import { defineCommand, GlobalArgs } from './commandSpec';
import { examplesFrom } from './orgFlags';

const messages = loadMessages('review');

type ReviewArgs = GlobalArgs & { vendor: string[]; base: string | undefined; format: 'markdown' | 'json' };

export const reviewCommand = defineCommand<ReviewArgs>({
  command: 'review',
  describe: messages.getMessage('summary'),
  builder: (y) =>
    y
      .option('vendor', {
        type: 'string',
        array: true,
        default: ['all'],
        describe: messages.getMessage('flags.vendor'),
      })
      .option('base', { type: 'string', describe: messages.getMessage('flags.base') })
      .option('format', {
        choices: ['markdown', 'json'] as const,
        default: 'markdown' as const,
        describe: messages.getMessage('flags.format'),
      })
      .example(examplesFrom(messages.getMessages('examples'))),
  run: (args) => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
    const { reviewProject } = require('../review') as typeof import('../review');
    const review = reviewProject(findProjectDir(), { vendors: args.vendor, ...(args.base ? { base: args.base } : {}) });
    const { markdown, ...model } = review;
    // --format json prints the same envelope as --json, so machines read one shape.
    return {
      exitCode: EXIT_CODES.ok,
      result: model,
      human: [markdown],
      warnings: [],
      ...(args.format === 'json' ? { envelope: true } : {}),
    };
  },
});
