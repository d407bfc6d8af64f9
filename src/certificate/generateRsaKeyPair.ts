import * as crypto from 'node:crypto';
import * as forge from 'node-forge';
import { messages } from './messages';

// forge's switches for its native path; @types/node-forge does not declare them. isNodejs holds
// process.versions.node (a string) when forge detected Node.js.
type ForgeRuntime = { options?: { usePureJavaScript?: boolean }; util: { isNodejs?: unknown } };

const PUBLIC_EXPONENT = 0x1_00_01;

/**
 * The reason forge would fall back to its pure-JavaScript key generation, or undefined when it
 * takes node:crypto's `generateKeyPair`. Mirrors the conditions in forge's `rsa.generateKeyPair`
 * (1.4.x): not usePureJavaScript, Node.js detected, node:crypto present, no prng, 256..16384 bits,
 * e = 65537.
 */
export const nativeKeygenBlocker = (runtime: ForgeRuntime = forge as unknown as ForgeRuntime): string | undefined => {
  if (runtime.options?.usePureJavaScript === true) return 'forge.options.usePureJavaScript is true';
  if (!runtime.util.isNodejs) return 'node-forge does not detect Node.js';
  if (typeof crypto.generateKeyPair !== 'function') return 'node:crypto has no generateKeyPair';
  return undefined;
};

/**
 * An RSA key pair from node-forge's native path: node:crypto's asynchronous `generateKeyPair`,
 * so the event loop stays free (~0.1 s for 2048 bits, ~0.6 s for 4096). Refuses instead of silently
 * taking forge's pure-JavaScript path (~1 s for 2048, 25 s or more for 4096).
 *
 * @throws NativeKeygenUnavailableError
 */
export const generateRsaKeyPair = async (bits: number): Promise<forge.pki.rsa.KeyPair> => {
  const blocker = nativeKeygenBlocker();
  if (blocker !== undefined) throw messages.createError('error.NativeKeygenUnavailable', [blocker]);
  return new Promise((resolve, reject) => {
    // No `prng` option and e = 65537: both are conditions of the native path.
    forge.pki.rsa.generateKeyPair({ bits, e: PUBLIC_EXPONENT }, (err, keyPair) => {
      if (err) reject(err);
      else resolve(keyPair);
    });
  });
};
