import { KeyObject, createPrivateKey } from 'node:crypto';
import { messages } from './messages';

/** Default name for an in-memory key in messages. */
export const DEFAULT_KEY_SOURCE = 'The private key';

/**
 * Reads a private key (PEM PKCS#8 or PKCS#1, or DER) to compare with a certificate. Errors name the
 * file only: node's own error text is dropped because the key must never reach a message.
 *
 * @throws EncryptedPrivateKeyError, InvalidPrivateKeyError
 */
export const parsePrivateKey = (input: Buffer | string, source = DEFAULT_KEY_SOURCE): KeyObject => {
  const text = typeof input === 'string' ? input : input.toString('latin1');
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(text)) {
    throw messages.createError('error.EncryptedPrivateKey', [source]);
  }
  const attempts: Array<() => KeyObject> = [(): KeyObject => createPrivateKey({ key: text, format: 'pem' })];
  if (typeof input !== 'string') {
    attempts.push(
      ...(['pkcs8', 'pkcs1'] as const).map(
        (type) => (): KeyObject => createPrivateKey({ key: input, format: 'der', type })
      )
    );
  }
  for (const attempt of attempts) {
    try {
      return attempt();
    } catch {
      // try the next encoding; the reason is not reported (see above)
    }
  }
  throw messages.createError('error.InvalidPrivateKey', [source]);
};
