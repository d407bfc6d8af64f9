import { flowOf, Vendor } from '../catalogue';

/** What grants a vendor access, who holds it, what the org limits, and what risk that leaves, per OAuth flow. */
export type Credential = {
  /** The OAuth flow in words. */
  flow: string;
  /** The credential that grants access. */
  credential: string;
  holder: string;
  limits: string;
  risks: string[];
};

const userLimits = (vendor: Vendor): string =>
  vendor.user
    ? `the integration user's permission sets (${vendor.user.permsets.join(
        ', '
      )}) bound what any token can do; its profile's login IP ranges bind logins only while the app enforces IP restrictions.`
    : 'the permissions of the user who connects bound what its tokens can do.';

/**
 * The credential section's facts for one vendor, from vendor.json alone: the app's flow
 * (externalClientApp.flow), or the vendor's own app (vendorApp), or no app at all.
 */
export const credentialOf = (vendor: Vendor): Credential => {
  const app = vendor.externalClientApp;
  if (app && flowOf(app) === 'clientCredentials')
    return {
      flow: `OAuth 2.0 client credentials (External Client App ${app.name}, run as the integration user)`,
      credential: `the consumer key and consumer secret of ${app.name}: whoever holds both gets a token as the run-as user, with no password, key or person involved.`,
      holder: `${vendor.title} (given in the handoff; the secret is copied from Setup, never printed by vendor-access), and anyone who can view the app's consumer secret in Setup or through the Metadata API.`,
      limits: `${userLimits(vendor)} The app has no certificate, so no private key is a second way in.`,
      risks: [
        'The consumer secret does not expire: rotate it (Setup, or shouldRotateConsumerSecret) whenever someone who held it should no longer.',
        'A leaked key and secret mint tokens from any address unless the run-as user is on a profile with login IP ranges and the app enforces IP restrictions.',
      ],
    };
  if (app && flowOf(app) === 'webServer')
    return {
      flow: `OAuth 2.0 web-server consent (External Client App ${app.name})`,
      credential:
        "the tokens issued when a user consents at the app's callback URL, with the app's consumer key and secret.",
      holder: `${vendor.title}, which receives the tokens after consent.`,
      limits: userLimits(vendor),
      risks: ['A refresh token keeps minting access tokens until revoked or the refresh token policy ends it.'],
    };
  if (app)
    return {
      flow: `OAuth 2.0 JWT bearer (External Client App ${app.name}, certificate)`,
      credential: `the private key of the certificate on ${app.name}, with the consumer key and the integration username.`,
      holder: `${vendor.title}, which generates the key pair and keeps the private key; the org holds only the certificate.`,
      limits: userLimits(vendor),
      risks: ['The certificate expires: vendor-access verify reports the days left.'],
    };
  if (vendor.vendorApp)
    return {
      flow: `the vendor's own app (${vendor.vendorApp.name}), through OAuth consent`,
      credential: `the tokens ${vendor.title}'s app receives when the integration user consents to it.`,
      holder: `${vendor.title}, in its own systems; the org has no key or secret of its own to rotate.`,
      limits: `${userLimits(vendor)} The app's scopes (listed above) bound which APIs its tokens reach.`,
      risks: [
        "The app's policies (IP relaxation, refresh token policy) are set by hand in Setup > Connected Apps OAuth Usage; vendor-access cannot deploy them.",
      ],
    };
  return {
    flow: 'none described',
    credential: `whatever ${vendor.title} connects with: vendor.json describes no app.`,
    holder: `${vendor.title}.`,
    limits: userLimits(vendor),
    risks: [],
  };
};
