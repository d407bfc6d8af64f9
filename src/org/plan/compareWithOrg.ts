import type { Connection } from '@salesforce/core';
import { diffMetadata, ValueChange, ORG_FIELDS } from '../../metadata';
import { retrieveOrgMetadata } from '../read/retrieveOrgMetadata';
import { takeRetrieved } from '../read/retrievedOnce';
import type { DeployWorkspace } from './deployWorkspace';

/** One component of this org's deploy against what the org holds: `member` is `Type:fullName`. */
export type ComponentPlan = {
  component: string;
  member: string;
  action: 'create' | 'update' | 'none';
  changes: ValueChange[];
};

// Orgs of a fleet mostly hold the same XML for the same component, and all get the same from us:
// each distinct pair is parsed and compared once (bounded, so a long process keeps little).
const MAX_DIFFS = 512;
const diffs = new Map<string, ValueChange[]>();
const diffOnce = (orgXml: string | undefined, ours: string, whole: boolean): ValueChange[] => {
  const key = `${whole ? 'whole' : 'fields'}\u0000${orgXml ?? '\u0000absent'}\u0000${ours}`;
  let changes = diffs.get(key);
  if (!changes) {
    changes = diffMetadata(orgXml, ours, whole);
    diffs.set(key, changes);
    if (diffs.size > MAX_DIFFS) diffs.delete(diffs.keys().next().value as string);
  }
  // Copies: a caller may change what it gets.
  return changes.map((c) => ({ ...c }));
};

/**
 * Retrieves, once, every component a workspace would deploy and compares it value by value with
 * what would be sent. Permission sets are replaced whole on deploy, so what only the org has is a
 * removal; other types keep fields we do not send. Read-only.
 */
export const compareWithOrg = async (
  connection: Connection,
  workspace: DeployWorkspace
): Promise<{ components: ComponentPlan[]; current: Map<string, string> }> => {
  const list = workspace.components.toArray();
  const members = list.map((c) => ({ type: c.type.name, fullName: c.fullName }));
  const current = takeRetrieved(connection, members) ?? (await retrieveOrgMetadata(connection, members));
  const components = list.flatMap((c): ComponentPlan[] => {
    const rel = `${c.type.directoryName}/${c.fullName}.${c.type.suffix ?? ''}`;
    const ours = workspace.contents.get(rel);
    if (ours === undefined) return [];
    const orgXml = current.get(rel);
    const changes = diffOnce(orgXml, ours, c.type.name === 'PermissionSet');
    return [
      {
        component: rel,
        member: `${c.type.name}:${c.fullName}`,
        action: orgXml === undefined ? 'create' : changes.length ? 'update' : 'none',
        changes,
      },
    ];
  });
  return { components: components.sort((a, b) => a.component.localeCompare(b.component)), current };
};

/**
 * What a deploy would do to each vendor app's credentials: replacing the JWT certificate stops the
 * vendor's current key from working; redeploying the global OAuth settings at all may touch the
 * consumer key (unverified: Salesforce does not say whether a redeploy keeps it; probe records
 * whether a retrieve even shows it), so it is sent only when it differs.
 */
export const credentialNotes = (components: ComponentPlan[]): string[] =>
  components
    .filter((c) => c.member.startsWith('ExtlClntAppGlobalOauthSettings:') && c.action === 'update')
    .map((c) => {
      const name = c.member.split(':')[1] ?? '';
      const certificate = c.changes.some((x) => x.path === ORG_FIELDS.appCertificate.path);
      return `${name}: ${
        certificate
          ? 'the deploy replaces the JWT certificate the org holds (the vendor must sign with the new key) and '
          : 'the deploy '
      }redeploys the global OAuth settings, which may affect the consumer key (unverified); after it, check the vendor's login with vendor-access verify --private-key.`;
    });
