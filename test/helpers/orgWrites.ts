/** Requests (as `calls` names them) that change an org: a deploy, or a REST create/update/delete. */
export const writesIn = (requests: string[]): string[] =>
  requests.filter((c) => /^(deploy|cancelDeploy)$|^(POST|PATCH|PUT|DELETE) \/services\/data\//.test(c));
