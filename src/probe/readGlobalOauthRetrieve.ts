import type { Connection } from '@salesforce/core';
import { selectText, parseMetadataXml } from '../metadata';
import { retrieveOrgMetadata } from '../org/read';
import type { Fact } from './probeShape';
import { unknownBecause } from './readFact';

/**
 * Whether a retrieve of the vendors' ExtlClntAppGlobalOauthSettings returns the certificate and the
 * consumer key (unverified; reference org-behaviour.md). Only the two booleans leave this function:
 * the retrieved values are dropped here and never logged or written.
 */
export const readGlobalOauthRetrieve = async (
  connection: Connection,
  fullNames: string[]
): Promise<Fact<{ certificate: boolean; consumerKey: boolean }>> => {
  if (!fullNames.length) return unknownBecause('no vendor has an External Client App');
  const files = await retrieveOrgMetadata(
    connection,
    fullNames.map((fullName) => ({ type: 'ExtlClntAppGlobalOauthSettings', fullName }))
  );
  const found = fullNames.flatMap((name) => {
    const xml = files.get(`extlClntAppGlobalOauthSets/${name}.ecaGlblOauth`);
    const parsed = xml ? parseMetadataXml(xml) : undefined;
    return parsed?.ok
      ? [
          {
            certificate: Boolean(selectText(parsed.node, 'certificate')),
            consumerKey: Boolean(selectText(parsed.node, 'consumerKey')),
          },
        ]
      : [];
  });
  if (!found.length)
    return unknownBecause(
      `the org holds none of ${fullNames.join(', ')} yet; probe again after a deploy to see what a retrieve returns`
    );
  return { certificate: found.some((f) => f.certificate), consumerKey: found.some((f) => f.consumerKey) };
};
