/**
 * A command that logs in again for the target the user gave: an alias gets its alias back, a
 * username its org's login, and an access token (shown only as its org id) a fresh token, since the
 * sf auth store holds nothing for it.
 */
export const loginFix = (targetOrg: string, instanceUrl: string): string => {
  if (targetOrg.endsWith('(access token)'))
    return 'get a new access token for this org and pass it as --target-org again (SF_ORG_INSTANCE_URL stays as it is)';
  if (targetOrg.includes('@'))
    return `sf org login web --instance-url ${instanceUrl} (it stores the login under ${targetOrg} again)`;
  return `sf org login web --alias ${targetOrg} --instance-url ${instanceUrl}`;
};

/**
 * `-o <target>` as a command line to paste: an access token (shown only as its org id) cannot be
 * printed, so the hint names what to put there; an alias or username is quoted when it needs it.
 */
export const orgFlagHint = (targetOrg: string): string => {
  if (targetOrg.endsWith(' (access token)')) return '-o <access token> (with SF_ORG_INSTANCE_URL set)';
  return /^[\w.@+-]+$/.test(targetOrg) ? `-o ${targetOrg}` : `-o '${targetOrg.replace(/'/g, "'\\''")}'`;
};
