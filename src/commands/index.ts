import { certCommand } from './cert';
import { checkCommand } from './check';
import type { CommandGroup, CommandSpec, GlobalArgs } from './commandSpec';
import { deployCommand } from './deploy';
import { envCommand } from './env';
import { planCommand } from './plan';
import { reviewCommand } from './review';
import { stageCommand } from './stage';
import { verifyCommand } from './verify';

/** Every command the CLI offers, in the order `--help` lists them. */
export const COMMANDS: Array<CommandSpec<GlobalArgs> | CommandGroup> = [checkCommand, certCommand, planCommand, stageCommand, deployCommand, verifyCommand, reviewCommand, envCommand];
