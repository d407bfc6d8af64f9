import type { Argv } from 'yargs';
import { Messages } from '@salesforce/core';
import type { GlobalArgs } from './commandSpec';

Messages.importMessagesDirectory(__dirname);
const messages = Messages.loadMessages('vendor-access', 'orgFlags');

export type OrgFlags = { 'target-org': string[]; vendor: string[]; values: string; concurrency: number };

/** The flags every org command shares, meaning the same everywhere (DESIGN: flags). */
export const withOrgFlags = (y: Argv<GlobalArgs>): Argv<GlobalArgs & OrgFlags> =>
  y
    .option('target-org', { alias: 'o', type: 'string', array: true, demandOption: true, describe: messages.getMessage('flags.target-org') })
    .option('vendor', { type: 'string', array: true, default: ['all'], describe: messages.getMessage('flags.vendor') })
    .option('values', { type: 'string', demandOption: true, describe: messages.getMessage('flags.values') })
    .option('concurrency', { type: 'number', default: 2, describe: messages.getMessage('flags.concurrency') });

/** yargs examples from a message file's `examples` list ("What it does: command"). */
export const examplesFrom = (lines: string[]): Array<[string, string]> => lines.map((e) => [e.replace(/^.*?: /, ''), e.replace(/:.*$/, '')]);
