import type { Argv } from 'yargs';
import { loadMessages } from '../messages';
import type { GlobalArgs } from './commandSpec';
import { OrgFlags, withOrgFlags } from './orgFlags';

const messages = loadMessages('lifecycle');

export type LifecycleArgs = GlobalArgs & OrgFlags & { 'dry-run': boolean; username: string | undefined };

export const withLifecycleFlags = (y: Argv<GlobalArgs>): Argv<LifecycleArgs> =>
  withOrgFlags(y)
    .option('dry-run', {
      type: 'boolean',
      default: false,
      describe: messages.getMessage('flags.dry-run'),
    })
    .option('username', { type: 'string', describe: messages.getMessage('flags.username') });

/** `--username` as the library takes it: left out when not given. */
export const usernameOption = (args: LifecycleArgs): { username?: string } =>
  args.username === undefined ? {} : { username: String(args.username) };

/** What Ctrl-C or SIGTERM says in a lifecycle command: it stops before the next step (and cancels a metadata deploy in the org). */
export const LIFECYCLE_INTERRUPTED =
  'Interrupted: finishing the calls in flight, then stopping; the record says what was done.';
