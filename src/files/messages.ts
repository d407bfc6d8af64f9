import { Messages } from '@salesforce/core';

// Every user-facing string of files/ lives in messages/files.md.
Messages.importMessagesDirectory(__dirname);

export const messages = Messages.loadMessages('vendor-access', 'files');
