import { setMaxListeners } from 'node:events';
import type { Argv } from 'yargs';
import { loadMessages } from '../messages/loadMessages';
import type { Io } from '../output/io';
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

/** Ctrl-C stops before the next step (and cancels a metadata deploy in the org); the record says what was done. */
export const withInterrupt = async <T>(io: Io, work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
  const abort = new AbortController();
  // One signal serves every org of the run (up to 16 at once), each adding its own abort listener.
  setMaxListeners(64, abort.signal);
  const onInterrupt = (): void => {
    io.stderr('Interrupted: finishing the calls in flight, then stopping; the record says what was done.');
    abort.abort();
  };
  process.once('SIGINT', onInterrupt);
  try {
    return await work(abort.signal);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
};
