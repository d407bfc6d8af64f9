import { Messages } from '@salesforce/core';
import { findProjectDir } from '../check';
import { verifyOrgs } from '../org/verifyOrgs';
import { defineCommand, GlobalArgs } from './commandSpec';
import { examplesFrom, OrgFlags, withOrgFlags } from './orgFlags';

Messages.importMessagesDirectory(__dirname);
const messages = Messages.loadMessages('vendor-access', 'verify');

type VerifyArgs = GlobalArgs & OrgFlags & {
  'private-key': string | undefined;
  'consumer-key': string | undefined;
  'login-url': string | undefined;
  audience: string | undefined;
};

export const verifyCommand = defineCommand<VerifyArgs>({
  command: 'verify',
  describe: messages.getMessage('summary'),
  builder: (y) =>
    withOrgFlags(y)
      .option('private-key', { type: 'string', describe: messages.getMessage('flags.private-key') })
      .option('consumer-key', { type: 'string', describe: messages.getMessage('flags.consumer-key') })
      .option('login-url', { type: 'string', describe: messages.getMessage('flags.login-url') })
      .option('audience', { type: 'string', describe: messages.getMessage('flags.audience') })
      .example(examplesFrom(messages.getMessages('examples'))),
  run: async (args) => {
    const result = await verifyOrgs({
      projectDir: findProjectDir(),
      targetOrgs: args['target-org'],
      vendors: args.vendor,
      valuesFile: args.values,
      concurrency: args.concurrency,
      ...(args['private-key'] ? { privateKeyFile: args['private-key'] } : {}),
      ...(args['consumer-key'] ? { consumerKey: args['consumer-key'] } : {}),
      ...(args['login-url'] ? { loginUrl: args['login-url'] } : {}),
      ...(args.audience ? { audience: args.audience } : {}),
    });
    const human = result.orgs.flatMap((o) =>
      'error' in o
        ? [`${o.targetOrg}: cannot verify: ${o.error.message}`, ...o.error.actions.map((a) => `  Try: ${a}`)]
        : [`${o.targetOrg}: ${o.ok ? 'VERIFIED' : 'NOT AS INTENDED'}`, ...o.findings.map((f) => `  ${f.warning ? 'warn' : f.ok ? 'ok  ' : 'FAIL'} ${f.what}${f.detail ? `\n         ${f.detail}` : ''}${!f.ok && f.fix ? `\n         Fix: ${f.fix}` : ''}`)],
    );
    return { exitCode: result.exitCode, result, human, warnings: [] };
  },
});
