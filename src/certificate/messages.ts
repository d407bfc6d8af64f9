import { loadMessages } from '../messages';

// One loader for the area: every user-facing string of certificate/ lives in messages/certificate.md.

export const messages = loadMessages('certificate');
