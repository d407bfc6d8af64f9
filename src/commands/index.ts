import { certCommand } from './cert';
import type { CommandGroup, CommandSpec, GlobalArgs } from './commandSpec';

/** Every command the CLI offers, in the order `--help` lists them. */
export const COMMANDS: Array<CommandSpec<GlobalArgs> | CommandGroup> = [certCommand];
