import { loadMessages } from '../messages/loadMessages';

// One loader for the area: every user-facing string of certificate/ lives in messages/certificate.md.

export const messages = loadMessages('certificate');
