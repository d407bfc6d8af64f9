import fs from 'node:fs';
import { readRegularFile } from '../../files';
import { loadMessages } from '../../messages';

const messages = loadMessages('verify');

/** A consumer secret is short text (Salesforce shows 64 hex digits); anything bigger is not one. */
const MAX_SECRET_BYTES = 4 * 1024;

/**
 * The consumer secret for verify's client credentials login, from a file (never a flag value: flags
 * land in shell history and process lists). Like a private key, the file must be readable by its
 * owner only (mode 0600 or stricter on POSIX). Read before any org is contacted; never printed:
 * no error quotes its content.
 *
 * @throws ConsumerSecretFileOpenError, ConsumerSecretFileEmptyError, the errors of readRegularFile
 */
export const readConsumerSecret = (file: string, display = file): string => {
  const bytes = readRegularFile(file, { display, maxBytes: MAX_SECRET_BYTES });
  // Windows has no POSIX modes: there the file system's ACLs decide.
  if (process.platform !== 'win32') {
    const mode = fs.statSync(file).mode & 0o777;
    if (mode & 0o077)
      throw messages.createError('error.ConsumerSecretFileOpen', [display, mode.toString(8)], [display]);
  }
  const secret = bytes.toString('utf8').trim();
  if (!secret || /\s/.test(secret)) throw messages.createError('error.ConsumerSecretFileEmpty', [display]);
  return secret;
};
