import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@salesforce/core';
import { ComponentSet, RequestStatus } from '@salesforce/source-deploy-retrieve';
import { readZip } from '../../metadata';
import { loadMessages } from '../../messages';
import { sdrRegistry } from '../../convert';
import { DEFAULT_API_VERSION } from './connectOrg';

const internal = loadMessages('internal');

export type MetadataMember = { type: string; fullName: string };

/**
 * What the org holds now for the given members, in metadata format, keyed by the path inside the
 * package (e.g. `settings/Security.settings`). Retrieved through SDR like `sf project retrieve`;
 * members the org lacks are simply absent. Read-only.
 */
export const retrieveOrgMetadata = async (
  connection: Connection,
  members: MetadataMember[]
): Promise<Map<string, string>> => {
  const output = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-retrieve-'));
  try {
    const set = new ComponentSet(members, sdrRegistry());
    set.sourceApiVersion = DEFAULT_API_VERSION;
    set.apiVersion = connection.getApiVersion();
    const retrieve = await set.retrieve({
      usernameOrConnection: connection,
      output,
      format: 'metadata',
      // The package is read from the response in memory (readZip), not unzipped to files.
      unzip: false,
      singlePackage: true,
      zipFileName: 'retrieve.zip',
    });
    // Numbers form: frequency in ms, timeout in seconds (toolchain reference 4.2).
    const result = await retrieve.pollStatus(200, 600);
    if (result.response.status !== RequestStatus.Succeeded) {
      const messages = [result.response.messages ?? []]
        .flat()
        .map((m) => (m as { problem?: string }).problem ?? '')
        .filter(Boolean);
      throw internal.createError('error.RetrieveFailed', [result.response.status, messages.join('; ') || 'no detail']);
    }
    const files = new Map<string, string>();
    const zip = result.response.zipFile
      ? readZip(Buffer.from(result.response.zipFile, 'base64'))
      : new Map<string, Buffer>();
    for (const [rel, data] of zip) {
      if (rel.endsWith('package.xml')) continue;
      files.set(rel.replace(/^(unpackaged|retrieve)\//, ''), data.toString('utf8'));
    }
    return files;
  } finally {
    fs.rmSync(output, { recursive: true, force: true });
  }
};

/** Names the org holds for each type (listMetadata), e.g. the policies auto-created for an ECA. */
export const listOrgMetadata = async (connection: Connection, types: string[]): Promise<Map<string, string[]>> => {
  const names = new Map<string, string[]>(types.map((t) => [t, []]));
  // listMetadata takes at most three queries per call (Metadata API reference, listMetadata()).
  for (let i = 0; i < types.length; i += 3) {
    const queries = types.slice(i, i + 3).map((type) => ({ type }));
    // eslint-disable-next-line no-await-in-loop -- one listMetadata call after another, in a stable order
    const result = await connection.metadata.list(queries, connection.getApiVersion());
    for (const entry of [result].flat()) if (entry) names.get(entry.type)?.push(entry.fullName);
  }
  return names;
};
