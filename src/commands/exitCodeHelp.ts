import { loadMessages } from '../messages';

const messages = loadMessages('exitCodes');

/** The org commands whose exit codes messages/exitCodes.md describes one by one. */
export type ExitCodeCommand = 'plan' | 'stage' | 'deploy' | 'verify' | 'suspend' | 'resume' | 'offboard' | 'activity';

/** `- 68: text` rows as an aligned table: `  68  text`. */
const lines = (rows: string[]): string =>
  rows.map((row) => row.replace(/^(\d+): /, (_m, code: string) => `  ${code.padEnd(4)}`)).join('\n');

/** What `<command> --help` ends with: what each exit code means for this command. */
export const exitCodeHelp = (command: ExitCodeCommand): string =>
  `${messages.getMessage('heading')}\n${lines(messages.getMessages(`command.${command}`))}`;

/** The table every command shares (`vendor-access --help`). */
export const exitCodeTable = (): string => `${messages.getMessage('heading')}\n${lines(messages.getMessages('table'))}`;
