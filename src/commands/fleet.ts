import { loadMessages } from '../messages';
import { findProjectDir } from '../project';
import { checkOrgsPerJob, loadFleet, shardFleet } from '../fleet';
import { EXIT_CODES } from '../output';
import { defineCommand, GlobalArgs } from './commandSpec';
import { checkPathFlag } from './flagChecks';
import { examplesFrom } from './orgFlags';

const messages = loadMessages('drift');

type FleetArgs = GlobalArgs & { fleet: string; 'orgs-per-job': string; 'github-output': boolean };

export const fleetCommand = defineCommand<FleetArgs>({
  command: 'fleet',
  describe: messages.getMessage('summary'),
  builder: (y) =>
    y
      .option('fleet', { type: 'string', default: 'config/fleet.json', describe: messages.getMessage('flags.fleet') })
      .option('orgs-per-job', { type: 'string', default: '10', describe: messages.getMessage('flags.orgs-per-job') })
      .option('github-output', {
        type: 'boolean',
        default: false,
        describe: messages.getMessage('flags.github-output'),
      })
      .example(examplesFrom(messages.getMessages('examples'))),
  run: (args) => {
    // The flag is checked before the file is read: a typo in a workflow input fails at once.
    const perJob = checkOrgsPerJob(args['orgs-per-job']);
    const matrix = { include: shardFleet(loadFleet(findProjectDir(), checkPathFlag('--fleet', args.fleet)), perJob) };
    return {
      exitCode: EXIT_CODES.ok,
      result: matrix,
      human: [args['github-output'] ? `matrix=${JSON.stringify(matrix)}` : JSON.stringify(matrix, undefined, 2)],
      warnings: [],
    };
  },
});
