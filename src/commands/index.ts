import { activityCommand } from './activity';
import { certCommand } from './cert';
import { checkCommand } from './check';
import type { CommandGroup, CommandSpec, GlobalArgs } from './commandSpec';
import { deployCommand } from './deploy';
import { envCommand } from './env';
import { fleetCommand } from './fleet';
import { loginCommand } from './login';
import { offboardCommand } from './offboard';
import { planCommand } from './plan';
import { probeCommand } from './probe';
import { resumeCommand } from './resume';
import { reviewCommand } from './review';
import { stageCommand } from './stage';
import { suspendCommand } from './suspend';
import { verifyCommand } from './verify';

/** Every command the CLI offers, in the order `--help` lists them. */
export const COMMANDS: Array<CommandSpec<GlobalArgs> | CommandGroup> = [
  checkCommand,
  certCommand,
  planCommand,
  stageCommand,
  deployCommand,
  verifyCommand,
  suspendCommand,
  resumeCommand,
  offboardCommand,
  activityCommand,
  reviewCommand,
  envCommand,
  fleetCommand,
  loginCommand,
  probeCommand,
];
export type { CommandSpec, GlobalArgs } from './commandSpec';
export type { CommandDescription, FlagDescription } from './describeCommands';
export { describeCommands } from './describeCommands';
export { exitCodeTable } from './exitCodeHelp';
