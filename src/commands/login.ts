import { loadMessages } from '../messages';
import { defineCommand, GlobalArgs } from './commandSpec';
import { examplesFrom } from './orgFlags';

const messages = loadMessages('login');

type LoginArgs = GlobalArgs & { alias: string[]; 'auth-url-env': string[] };

// As the fleet file's aliases (src/fleet/fleet.ts), and a POSIX environment variable name.
const ALIAS = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

export const loginCommand = defineCommand<LoginArgs>({
  command: 'login',
  usesSalesforceLibraries: true,
  describe: messages.getMessage('summary'),
  builder: (y) =>
    y
      .option('alias', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: messages.getMessage('flags.alias'),
      })
      .option('auth-url-env', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: messages.getMessage('flags.auth-url-env'),
      })
      .example(examplesFrom(messages.getMessages('examples'))),
  run: async (args) => {
    const aliases = args.alias.map(String);
    const variables = args['auth-url-env'].map(String);
    if (aliases.length !== variables.length)
      throw messages.createError('error.AliasesAndVariablesDiffer', [aliases.length, variables.length]);
    const badAlias = aliases.find((a) => !ALIAS.test(a));
    if (badAlias !== undefined) throw messages.createError('error.BadAlias', [badAlias.slice(0, 80)]);
    const badVariable = variables.find((v) => !ENV_NAME.test(v));
    if (badVariable !== undefined) throw messages.createError('error.BadAuthUrlEnv', [badVariable.slice(0, 100)]);
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load core (test/startup)
    const { loginFromAuthUrls } = require('../login') as typeof import('../login');
    const result = await loginFromAuthUrls(aliases.map((alias, i) => ({ alias, authUrlEnv: variables[i] as string })));
    return {
      exitCode: result.exitCode,
      result,
      human: result.logins.map((l) =>
        l.ok
          ? `logged in: ${l.alias} (${l.username})`
          : `cannot log in ${l.alias}: ${l.error.message}${l.error.actions.map((a) => `\n  Try: ${a}`).join('')}`
      ),
      warnings: [],
    };
  },
});
