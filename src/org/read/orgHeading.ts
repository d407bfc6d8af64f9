/**
 * The one way an org heads its report (deploy, suspend, resume, offboard): `prod (admin@x.com,
 * 00D…)`; the name alone when it already is the org id (an access token shows as `00D… (access
 * token)`), never the id twice; the id alone beside it when the name is the username.
 */
export const orgHeading = (org: { targetOrg: string; username: string; orgId: string }): string => {
  if (org.orgId && org.targetOrg.startsWith(org.orgId)) return org.targetOrg;
  const who = org.username === org.targetOrg ? org.orgId : `${org.username}, ${org.orgId}`;
  return `${org.targetOrg} (${who})`;
};
