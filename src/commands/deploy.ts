import { loadMessages } from '../messages';
import { findProjectDir } from '../project';
import type { DeployEvent } from '../org/apply';
import { DEFAULT_WAIT_MINUTES } from '../org';
import { defineCommand, GlobalArgs } from './commandSpec';
import { exitCodeHelp } from './exitCodeHelp';
import { checkDeployId, checkPathFlag, checkWaitMinutes } from './flagChecks';
import { withInterrupt } from './interrupt';
import { examplesFrom, OrgFlags, withOrgFlags } from './orgFlags';
import { orgCommandResult } from './orgRun';
import { targetOrgsOf } from './targetOrgs';

const messages = loadMessages('deploy');

type DeployArgs = GlobalArgs &
  OrgFlags & {
    'dry-run': boolean;
    'add-required-permissions': boolean;
    resume: string | undefined;
    wait: string;
    junit: string | undefined;
  };

export const deployCommand = defineCommand<DeployArgs>({
  command: 'deploy',
  usesSalesforceLibraries: true,
  describe: messages.getMessage('summary'),
  builder: (y) =>
    withOrgFlags(y)
      .option('dry-run', { type: 'boolean', default: false, describe: messages.getMessage('flags.dry-run') })
      .option('add-required-permissions', {
        type: 'boolean',
        default: false,
        describe: messages.getMessage('flags.add-required-permissions'),
      })
      .option('resume', { type: 'string', describe: messages.getMessage('flags.resume') })
      .option('wait', {
        type: 'string',
        default: String(DEFAULT_WAIT_MINUTES),
        describe: messages.getMessage('flags.wait'),
      })
      .option('junit', { type: 'string', describe: messages.getMessage('flags.junit') })
      .example(examplesFrom(messages.getMessages('examples')))
      .epilogue(exitCodeHelp('deploy')),
  run: async (args, io) => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
    const { deployOrgs, formatDeployResult } = require('../org/apply') as typeof import('../org/apply');
    const targetOrgs = await targetOrgsOf(args['target-org'], io, args.json);
    const resumeId = args.resume === undefined ? undefined : checkDeployId(args.resume, targetOrgs);
    const waitMs = checkWaitMinutes(args.wait) * 60_000;
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: the JUnit writer reaches metadata/'s face, which --help never needs (test/startup)
    const { deployJunit, junitTarget, writeJunit } = require('../junit') as typeof import('../junit');
    const junit = args.junit === undefined ? undefined : junitTarget(checkPathFlag('--junit', args.junit));
    const projectDir = findProjectDir();
    // Before the deploy call nothing is sent at all; a running deploy is canceled in the org
    // (cancelDeploy) rather than left running unseen; during user setup the next write is not made.
    const result = await withInterrupt(
      io,
      'Interrupted: asking the org to cancel the deploy if one is running, and stopping before the next change…',
      (signal) =>
        deployOrgs({
          projectDir,
          targetOrgs,
          vendors: args.vendor,
          valuesFile: args.values,
          dryRun: args['dry-run'],
          addRequiredPermissions: args['add-required-permissions'],
          ...(resumeId === undefined ? {} : { resumeId }),
          concurrency: args.concurrency,
          waitMs,
          signal,
          ...(junit ? { outputs: [junit] } : {}),
          ...(args.json ? {} : { onEvent: (e: DeployEvent): void => io.stderr(`[${e.org}] ${e.phase}: ${e.message}`) }),
        })
    );
    // After the orgs changed, a file that cannot be written is reported after the result, never instead of it.
    const written = junit ? writeJunit(junit, projectDir, deployJunit(result)) : undefined;
    return orgCommandResult(result, formatDeployResult, {
      notes: written && 'note' in written ? [written.note] : [],
      errorsAfter: [...(result.unwritten ?? []), ...(written && 'failure' in written ? [written.failure] : [])],
    });
  },
});
