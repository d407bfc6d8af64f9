import { flowOf, type Vendor } from '../catalogue';
import type { IpRange } from '../network';

/** Who can use a vendor's integration credentials, and what risk remains. */
export type CredentialExposure = {
  /** on / off as the values file says; `per org` in a review without values; `not offered` where the catalogue says no. */
  mode: 'on' | 'off' | 'per org' | 'not offered';
  /** Which addresses can log in as the integration user or use its tokens. */
  addresses: string;
  /** The catalogue's reason the mode applies or not. */
  why: string;
  risks: string[];
};

const list = (ranges: IpRange[]): string =>
  ranges.map((r) => (r.start === r.end ? r.start : `${r.start}-${r.end}`)).join(', ');

/** What a thief would hold, per flow: the JWT text is the one the review always had. */
const stolen = (vendor: Vendor): string => {
  const app = vendor.externalClientApp;
  if (!app) return '';
  if (flowOf(app) === 'clientCredentials') return 'consumer key and secret or ';
  if (flowOf(app) === 'webServer') return 'refresh token or ';
  return 'private key (with the consumer key and username) or ';
};

const ANY = (vendor: Vendor): string =>
  `any address: a stolen ${stolen(
    vendor
  )}token works from anywhere. The trusted IP ranges only spare everyone logging in from them a verification challenge; they restrict nothing.`;

/**
 * The credential section of a vendor's review: "any address" unless hardened mode is on, then the
 * vendor's ranges, with the risk that remains either way (facts in docs/hardened-mode.md).
 */
export const credentialExposure = (
  vendor: Vendor,
  ranges: IpRange[],
  hardened: boolean | undefined
): CredentialExposure => {
  const spec = vendor.hardening?.restrictLoginToVendorRanges;
  const owner = vendor.trustedRanges?.owner ?? vendor.title;
  const revoke = 'A stolen token works until it is revoked (Setup > Connected Apps OAuth Usage) or expires.';
  if (!spec?.applies) {
    return {
      mode: 'not offered',
      addresses: ANY(vendor),
      why: spec?.why ?? 'The catalogue does not say that the vendor logs in only from published addresses.',
      risks: [revoke],
    };
  }
  const onText = `only ${owner}'s ${ranges.length} range(s) (${list(
    ranges
  )}): they are the login IP ranges of profile ${
    spec.profile ?? ''
  }, and the app's IP Relaxation "Enforce IP restrictions" makes them bind its OAuth logins and token refreshes.`;
  const onRisks = [
    `Whoever can send from ${owner}'s addresses (${owner}, or an attacker inside its infrastructure) can still use a stolen key or token.`,
    'An access token issued inside the ranges keeps working from other addresses until it expires, unless the org enforces login IP ranges on every request (Setup > Session Settings); that setting is org-wide, and vendor-access leaves it alone.',
    "An administrator can widen the profile's ranges or relax the app's IP policy; vendor-access verify fails on either.",
    `When ${owner} changes its published addresses, its logins fail until force-app/${vendor.name} is updated and deployed.`,
  ];
  if (hardened === true) return { mode: 'on', addresses: onText, why: spec.why, risks: onRisks };
  const offRisks = [
    revoke,
    `Hardened mode (vendors.${vendor.name}.hardening.restrictLoginToVendorRanges: true) would limit them to ${owner}'s ranges.`,
  ];
  if (hardened === false) return { mode: 'off', addresses: ANY(vendor), why: spec.why, risks: offRisks };
  return {
    mode: 'per org',
    addresses: `with hardened mode off (the default), ${ANY(vendor)} With it on, ${onText}`,
    why: spec.why,
    risks: [
      `With hardened mode off: ${revoke.charAt(0).toLowerCase()}${revoke.slice(1)}`,
      ...onRisks.map((r) => `With hardened mode on: ${r.charAt(0).toLowerCase()}${r.slice(1)}`),
    ],
  };
};
