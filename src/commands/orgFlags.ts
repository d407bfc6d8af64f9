import type { Argv } from 'yargs';
import { loadMessages } from '../messages';
import type { GlobalArgs } from './commandSpec';
import { checkConcurrency, checkTargetOrgs, resolveValuesPath } from './flagChecks';

const messages = loadMessages('orgFlags');

/** `target-org` is undefined when -o is not given: the command then uses sf's default org (targetOrgsOf). */
export type OrgFlags = { 'target-org': string[] | undefined; vendor: string[]; values: string; concurrency: number };

/**
 * The flags every org command shares, meaning the same everywhere (DESIGN: flags). They are
 * checked before the command runs: each org named once, non-empty and printable (no -o without a
 * value; without -o the command uses sf's default org), --concurrency a whole
 * number in range, --values resolved from the user's working directory.
 */
export const withOrgFlags = (y: Argv<GlobalArgs>): Argv<GlobalArgs & OrgFlags> =>
  (
    y
      .option('target-org', {
        alias: 'o',
        type: 'string',
        array: true,
        describe: messages.getMessage('flags.target-org'),
      })
      .option('vendor', {
        type: 'string',
        array: true,
        default: ['all'],
        describe: messages.getMessage('flags.vendor'),
      })
      .option('values', { type: 'string', demandOption: true, describe: messages.getMessage('flags.values') })
      // A string, so that `abc` is reported as typed rather than as NaN.
      .option('concurrency', {
        type: 'string',
        default: '2',
        describe: messages.getMessage('flags.concurrency'),
      }) as unknown as Argv<GlobalArgs & OrgFlags>
  )
    .middleware(refuseDashOrg, true)
    .middleware((argv) => {
      /* eslint-disable no-param-reassign -- a yargs middleware normalises the parsed arguments in place */
      if (argv['target-org'] !== undefined) argv['target-org'] = checkTargetOrgs(argv['target-org']);
      argv.concurrency = checkConcurrency(argv.concurrency);
      argv.values = resolveValuesPath(argv.values);
      /* eslint-enable no-param-reassign */
    });

/**
 * `-o -`: yargs takes a lone `-` for a positional argument, not for the flag's value, and would say
 * "Unknown argument: -"; as a middleware before validation it is still ours to name.
 */
export const refuseDashOrg = (argv: { _: Array<string | number> }): void => {
  if (argv._.some((a) => a === '-')) checkTargetOrgs(['-']);
};

/** yargs examples from a message file's `examples` list ("What it does: command"). */
export const examplesFrom = (lines: string[]): Array<[string, string]> =>
  lines.map((e) => [e.replace(/^.*?: /, ''), e.replace(/:.*$/, '')]);
