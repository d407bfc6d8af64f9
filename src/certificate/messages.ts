import { Messages } from '@salesforce/core';

// One loader for the area: every user-facing string of certificate/ lives in messages/certificate.md.
Messages.importMessagesDirectory(__dirname);

export const messages = Messages.loadMessages('vendor-access', 'certificate');
