import { loadMessages } from '../messages/loadMessages';
import { findProjectDir } from '../check/findProjectDir';
import { loadFleet, shardFleet } from '../drift/fleet';
import { EXIT_CODES } from '../output/exitCodes';
import { defineCommand, GlobalArgs } from './commandSpec';
import { examplesFrom } from './orgFlags';

const messages = loadMessages('drift');

type FleetArgs = GlobalArgs & { fleet: string; 'orgs-per-job': number; 'github-output': boolean };

export const fleetCommand = defineCommand<FleetArgs>({
  command: 'fleet',
  describe: messages.getMessage('summary'),
  builder: (y) =>
    y
      .option('fleet', { type: 'string', default: 'config/fleet.json', describe: messages.getMessage('flags.fleet') })
      .option('orgs-per-job', { type: 'number', default: 10, describe: messages.getMessage('flags.orgs-per-job') })
      .option('github-output', {
        type: 'boolean',
        default: false,
        describe: messages.getMessage('flags.github-output'),
      })
      .example(examplesFrom(messages.getMessages('examples'))),
  run: (args) => {
    const matrix = { include: shardFleet(loadFleet(findProjectDir(), args.fleet), args['orgs-per-job']) };
    return {
      exitCode: EXIT_CODES.ok,
      result: matrix,
      human: [args['github-output'] ? `matrix=${JSON.stringify(matrix)}` : JSON.stringify(matrix, undefined, 2)],
      warnings: [],
    };
  },
});
