import { checkFailedError, problemsFrom } from '../problems';
import { loadMessages } from '../messages';
import { checkEmail, firstNonXmlCharacter } from '../values';
import type { VendorFootprint } from './footprint';

const messages = loadMessages('lifecycle');
const valueProblem = problemsFrom('values');

/**
 * `--username` names the integration user of exactly one vendor: with several, which one it
 * replaces would be a guess. Its shape is a username's (an address, no XML-special or control
 * characters), checked before any org is contacted.
 *
 * @throws UsernameFlagNeedsOneVendorError, CheckFailedError
 */
export const checkUsernameFlag = (username: string | undefined, footprints: VendorFootprint[]): void => {
  if (username === undefined) return;
  const withUser = footprints.filter((f) => f.hasUser);
  if (withUser.length !== 1 || footprints.length !== 1)
    throw messages.createError(
      'error.UsernameFlagNeedsOneVendor',
      [footprints.map((f) => f.vendor).join(', ')],
      [withUser.map((f) => f.vendor).join(', ') || 'a vendor with an integration user']
    );
  const where = { file: 'command line', field: '--username' };
  const notXml = firstNonXmlCharacter(username);
  const problems = notXml
    ? [valueProblem.error('ValueNotXmlCharacter', where, [notXml.codePoint, notXml.position])]
    : checkEmail(username, where, 'username');
  if (problems.length) throw checkFailedError(problems);
};
