import { loadMessages } from '../messages';

// Every user-facing string of files/ lives in messages/files.md.

export const messages = loadMessages('files');
