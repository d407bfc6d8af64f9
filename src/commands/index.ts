import { checkCommand } from './check';
import { deployCommand } from './deploy';
import { envCommand } from './env';
import { planCommand } from './plan';
import { verifyCommand } from './verify';
import type { CommandSpec, GlobalArgs } from './commandSpec';

/** Every command the CLI offers, in the order `--help` lists them. */
export const COMMANDS: Array<CommandSpec<GlobalArgs>> = [checkCommand, planCommand, deployCommand, verifyCommand, envCommand];
