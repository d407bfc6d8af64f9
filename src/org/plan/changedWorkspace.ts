import type { Connection } from '@salesforce/core';
import { compareWithOrg, credentialNotes } from './compareWithOrg';
import { buildDeployWorkspace, DeployWorkspace, WorkspacePlan } from './deployWorkspace';

/**
 * The workspace holding only what differs from the org (read back once), so a re-run against an
 * unchanged org deploys nothing, and the ECA global OAuth settings (the certificate; perhaps the
 * consumer key) are sent only when they differ. `workspace` is undefined when nothing differs.
 * Deploy and stage both use it, so a staged folder holds exactly what deploy would send.
 */
export const buildChangedWorkspace = async (
  projectDir: string,
  connection: Connection,
  plan: WorkspacePlan
): Promise<{ workspace?: DeployWorkspace; notes: string[]; unchanged: string[] }> => {
  const full = await buildDeployWorkspace(projectDir, { ...plan, metadataDir: true });
  let compared: Awaited<ReturnType<typeof compareWithOrg>>;
  try {
    compared = await compareWithOrg(connection, full);
  } catch (err) {
    full.cleanup();
    throw err;
  }
  const notes = credentialNotes(compared.components);
  const unchanged = compared.components.filter((c) => c.action === 'none').map((c) => c.member);
  if (unchanged.length === compared.components.length) {
    full.cleanup();
    return { notes, unchanged };
  }
  // Everything differs (a first deploy): the workspace compared is the one to send, so it is not
  // built a second time.
  if (unchanged.length === 0) return { workspace: full, notes, unchanged };
  full.cleanup();
  const workspace = await buildDeployWorkspace(projectDir, {
    ...plan,
    exclude: new Set([...(plan.exclude ?? []), ...unchanged]),
  });
  return { workspace, notes, unchanged };
};
