import type { Argv } from 'yargs';
import { loadMessages } from '../messages/loadMessages';
import type { GlobalArgs } from './commandSpec';
import { OrgFlags, withOrgFlags } from './orgFlags';

const messages = loadMessages('lifecycle');

export type LifecycleArgs = GlobalArgs & OrgFlags & { 'dry-run': boolean };

export const withLifecycleFlags = (y: Argv<GlobalArgs>): Argv<LifecycleArgs> =>
  withOrgFlags(y).option('dry-run', {
    type: 'boolean',
    default: false,
    describe: messages.getMessage('flags.dry-run'),
  });

/** What Ctrl-C or SIGTERM says in a lifecycle command: it stops before the next step (and cancels a metadata deploy in the org). */
export const LIFECYCLE_INTERRUPTED =
  'Interrupted: finishing the calls in flight, then stopping; the record says what was done.';
