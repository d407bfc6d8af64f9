import { loadMessages } from '../messages';
import { findProjectDir } from '../project';
import { defineCommand, GlobalArgs } from './commandSpec';
import { exitCodeHelp } from './exitCodeHelp';
import { checkPathFlag, checkTextFlag, checkUrlFlag } from './flagChecks';
import { orgCommandResult, progressTo } from './orgRun';
import { targetOrgsOf } from './targetOrgs';
import { examplesFrom, OrgFlags, withOrgFlags } from './orgFlags';

const messages = loadMessages('verify');

type VerifyArgs = GlobalArgs &
  OrgFlags & {
    'private-key': string | undefined;
    'consumer-key': string | undefined;
    'consumer-secret-file': string | undefined;
    'login-url': string | undefined;
    audience: string | undefined;
    junit: string | undefined;
    format: 'text' | 'markdown';
  };

export const verifyCommand = defineCommand<VerifyArgs>({
  command: 'verify',
  usesSalesforceLibraries: true,
  describe: messages.getMessage('summary'),
  builder: (y) =>
    withOrgFlags(y)
      .option('private-key', { type: 'string', describe: messages.getMessage('flags.private-key') })
      .option('consumer-key', { type: 'string', describe: messages.getMessage('flags.consumer-key') })
      .option('consumer-secret-file', {
        type: 'string',
        describe: messages.getMessage('flags.consumer-secret-file'),
      })
      .option('login-url', { type: 'string', describe: messages.getMessage('flags.login-url') })
      .option('audience', { type: 'string', describe: messages.getMessage('flags.audience') })
      .option('junit', { type: 'string', describe: messages.getMessage('flags.junit') })
      .option('format', {
        choices: ['text', 'markdown'] as const,
        default: 'text' as const,
        describe: messages.getMessage('flags.format'),
      })
      .example(examplesFrom(messages.getMessages('examples')))
      .epilogue(exitCodeHelp('verify')),
  run: async (args, io) => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
    const verifyFace = require('../org/verify') as typeof import('../org/verify');
    const { formatVerifyMarkdown, formatVerifyResult, verifyOrgs } = verifyFace;
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: the JUnit writer reaches metadata/'s face, which --help never needs (test/startup)
    const { junitTarget, verifyJunit, writeJunit } = require('../junit') as typeof import('../junit');
    const junit = args.junit === undefined ? undefined : junitTarget(checkPathFlag('--junit', args.junit));
    const projectDir = findProjectDir();
    const result = await verifyOrgs({
      projectDir,
      ...(junit ? { outputs: [junit] } : {}),
      targetOrgs: await targetOrgsOf(args['target-org'], io, args.json),
      ...progressTo(io, args.json),
      vendors: args.vendor,
      valuesFile: args.values,
      concurrency: args.concurrency,
      ...(args['private-key'] === undefined
        ? {}
        : { privateKeyFile: checkPathFlag('--private-key', args['private-key']) }),
      ...(args['consumer-key'] === undefined
        ? {}
        : { consumerKey: checkTextFlag('--consumer-key', args['consumer-key']) }),
      ...(args['consumer-secret-file'] === undefined
        ? {}
        : { consumerSecretFile: checkPathFlag('--consumer-secret-file', args['consumer-secret-file']) }),
      ...(args['login-url'] === undefined ? {} : { loginUrl: checkUrlFlag('--login-url', args['login-url']) }),
      ...(args.audience === undefined ? {} : { audience: checkTextFlag('--audience', args.audience) }),
    });
    const written = junit ? writeJunit(junit, projectDir, verifyJunit(result)) : undefined;
    return orgCommandResult(result, args.format === 'markdown' ? formatVerifyMarkdown : formatVerifyResult, {
      notes: written && 'note' in written ? [written.note] : [],
      errorsAfter: written && 'failure' in written ? [written.failure] : [],
    });
  },
});
