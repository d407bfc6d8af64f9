/**
 * One username registry for every org the simulator serves in this Node process: Salesforce
 * usernames are unique across all Salesforce orgs, case-insensitively (reference org-behaviour.md
 * "Users"). Every startOrgSimulator in the process shares it; an org that stops frees its usernames
 * (a simplification: the org is gone), and tests may clear it with resetUsernameRegistry.
 */
const registry = new Map<string, string>();

const key = (username: string): string => username.toLowerCase();

/** The org id holding this username, if any simulated org in the process does. */
export const usernameOwner = (username: string): string | undefined => registry.get(key(username));

/** Records a username for an org; false if another org (or this one) already holds it. */
export const claimUsername = (username: string, orgId: string): boolean => {
  if (registry.has(key(username))) return false;
  registry.set(key(username), orgId);
  return true;
};

/** Frees a username an org gave up (a rename). */
export const releaseUsername = (username: string, orgId: string): void => {
  if (registry.get(key(username)) === orgId) registry.delete(key(username));
};

/** Frees every username of an org that stopped. */
export const releaseOrgUsernames = (orgId: string): void => {
  for (const [name, owner] of registry) if (owner === orgId) registry.delete(name);
};

/** Clears the registry (tests that want a clean process-wide state). */
export const resetUsernameRegistry = (): void => registry.clear();
