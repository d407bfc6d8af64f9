import { loadMessages } from '../messages';
import { findProjectDir } from '../project';
import { defineCommand, GlobalArgs } from './commandSpec';
import { checkPathFlag, checkTargetOrgs } from './flagChecks';
import { examplesFrom, refuseDashOrg } from './orgFlags';
import { targetOrgsOf } from './targetOrgs';

const messages = loadMessages('probe');

type ProbeArgs = GlobalArgs & { 'target-org': string | undefined; output: string | undefined };

export const probeCommand = defineCommand<ProbeArgs>({
  command: 'probe',
  usesSalesforceLibraries: true,
  describe: messages.getMessage('summary'),
  builder: (y) =>
    y
      .option('target-org', {
        alias: 'o',
        type: 'string',
        describe: messages.getMessage('flags.target-org'),
      })
      .option('output', { type: 'string', requiresArg: true, describe: messages.getMessage('flags.output') })
      .example(examplesFrom(messages.getMessages('examples')))
      .middleware(refuseDashOrg, true),
  run: async (args, io) => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
    const { formatProbeResult, runProbe } = require('../probe') as typeof import('../probe');
    const result = await runProbe({
      projectDir: findProjectDir(),
      // The same rules as every org command's -o (no value, '', '-', control characters refused);
      // without -o, sf's default org.
      targetOrg: (
        await targetOrgsOf(
          args['target-org'] === undefined ? undefined : checkTargetOrgs([args['target-org']]),
          io,
          args.json
        )
      )[0] as string,
      ...(args.output === undefined ? {} : { output: checkPathFlag('--output', args.output) }),
      ...(args.json ? {} : { onStep: (what: string): void => io.stderr(`probe: ${what}…`) }),
    });
    return { exitCode: 0, result, human: formatProbeResult(result), warnings: [] };
  },
});
