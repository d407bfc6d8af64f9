import { licenceOfProfile, takeSeat } from './licences';
import { newId, OrgState, Row, rows } from './orgState';
import { refuseIfUnknown, RestError, runQuery } from './soql';
import { claimUsername, releaseUsername, usernameOwner } from './usernames';

const REQUIRED_USER_FIELDS = [
  'Username',
  'LastName',
  'Email',
  'Alias',
  'TimeZoneSidKey',
  'LocaleSidKey',
  'EmailEncodingKey',
  'ProfileId',
  'LanguageLocaleKey',
];

export const API_VERSIONS = ['62.0', '63.0', '64.0'].map((version) => ({
  label: `v${version}`,
  url: `/services/data/v${version}`,
  version,
}));

// Salesforce's text, verbatim with its trailing space (Apex shows it as "…email address). : [Username]",
// e.g. afawcett/githubsfdeploy#20, patronmanager/apex-dml-manager#14).
const DUPLICATE_USERNAME =
  "Duplicate Username.<br>The username already exists in this or another Salesforce organization. Usernames must be unique across all Salesforce organizations. To resolve, use a different username (it doesn't need to match the user's email address). ";

/**
 * Usernames are unique across every Salesforce org, case-insensitively: one taken in this org, in
 * any other org this process simulates (usernames.ts), or ending in `.taken.example.com` (standing
 * for an org outside the process) answers DUPLICATE_USERNAME on the Username field.
 */
const assertUsernameFree = (state: OrgState, username: string): void => {
  const here = rows(state, 'User').some((u) => String(u.Username).toLowerCase() === username.toLowerCase());
  if (here || usernameOwner(username) !== undefined || username.toLowerCase().endsWith('.taken.example.com'))
    throw new RestError(400, 'DUPLICATE_USERNAME', DUPLICATE_USERNAME, ['Username']);
};

/** A User update that changes the username: the same uniqueness, and the registry follows. */
export const renameUser = (state: OrgState, row: Row, changes: Record<string, unknown>): void => {
  if (typeof changes.Username !== 'string' || changes.Username.toLowerCase() === String(row.Username).toLowerCase())
    return;
  assertUsernameFree(state, changes.Username);
  releaseUsername(String(row.Username), state.orgId);
  claimUsername(changes.Username, state.orgId);
};

/**
 * sObject create with the checks an org makes (texts: Salesforce API errors as seen in the issue
 * threads the references cite; DUPLICATE_USERNAME and the PermissionSetAssignment duplicate are real
 * wording, the licence-limit and PSL-mismatch wording is unverified).
 */
export const createRecord = (
  state: OrgState,
  object: string,
  body: Record<string, unknown>
): { id: string; success: true; errors: [] } => {
  if (object === 'User') {
    const missing = REQUIRED_USER_FIELDS.filter((f) => body[f] === undefined || body[f] === '');
    if (missing.length)
      throw new RestError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`);
    assertUsernameFree(state, String(body.Username));
    const licence = licenceOfProfile(state, body.ProfileId);
    if (!licence) throw new RestError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
    takeSeat(licence, licence.Name);
    claimUsername(String(body.Username), state.orgId);
    const id = newId('005');
    rows(state, 'User').push({ Id: id, IsActive: true, LastLoginDate: null, ...(body as Row) });
    return { id, success: true, errors: [] };
  }
  if (object === 'PermissionSetLicenseAssign') {
    const psl = rows(state, 'PermissionSetLicense').find((p) => p.Id === body.PermissionSetLicenseId);
    if (!psl) throw new RestError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
    if (
      rows(state, object).some(
        (r) => r.AssigneeId === body.AssigneeId && r.PermissionSetLicenseId === body.PermissionSetLicenseId
      )
    ) {
      throw new RestError(
        400,
        'DUPLICATE_VALUE',
        'duplicate value found: <unknown> duplicates value on record with id: <unknown>'
      );
    }
    takeSeat(psl, psl.MasterLabel);
    const id = newId('2LA');
    rows(state, object).push({
      Id: id,
      AssigneeId: body.AssigneeId as string,
      PermissionSetLicenseId: body.PermissionSetLicenseId as string,
    });
    return { id, success: true, errors: [] };
  }
  if (object === 'PermissionSetAssignment') {
    const set = rows(state, 'PermissionSet').find((p) => p.Id === body.PermissionSetId);
    const user = rows(state, 'User').find((u) => u.Id === body.AssigneeId);
    if (!set || !user) throw new RestError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
    if (
      rows(state, object).some((r) => r.AssigneeId === body.AssigneeId && r.PermissionSetId === body.PermissionSetId)
    ) {
      throw new RestError(
        400,
        'DUPLICATE_VALUE',
        `Duplicate PermissionSetAssignment. Assignee: ${String(body.AssigneeId)}; Permission Set: ${String(
          body.PermissionSetId
        )}`
      );
    }
    // A set licensed by a PSL needs the PSL on the user first (reference D.3).
    const psl = rows(state, 'PermissionSetLicense').find((p) => p.Id === set.LicenseId);
    if (
      psl &&
      !rows(state, 'PermissionSetLicenseAssign').some(
        (r) => r.AssigneeId === user.Id && r.PermissionSetLicenseId === psl.Id
      )
    ) {
      throw new RestError(
        400,
        'FIELD_INTEGRITY_EXCEPTION',
        `Can't assign permission set ${String(set.Label)} to user ${String(
          user.Username
        )}. The user license doesn't allow the permission: ${String(set.License)}`
      );
    }
    const id = newId('0Pa');
    rows(state, object).push({ Id: id, AssigneeId: user.Id as string, PermissionSetId: set.Id as string });
    return { id, success: true, errors: [] };
  }
  throw new RestError(400, 'INVALID_TYPE', `sObject type '${object}' is not supported by this simulator`);
};

/** describe(PermissionSet): one `Permissions<Name>` boolean field per permission this org has. */
export const describePermissionSet = (state: OrgState): Record<string, unknown> => {
  refuseIfUnknown(state, 'permissions');
  return {
    name: 'PermissionSet',
    fields: [
      { name: 'Id', label: 'Permission Set ID', type: 'id' },
      { name: 'Name', label: 'Name', type: 'string' },
      { name: 'Label', label: 'Label', type: 'string' },
      ...Object.entries(state.shape.permissions).map(([name, label]) => ({
        name: `Permissions${name}`,
        label,
        type: 'boolean',
      })),
    ],
  };
};

/**
 * describe(PermissionSetLicense): its fields, including one `MaximumPermissions<Name>` boolean per
 * permission of this org (NetCoreForce's v64 model, reference permissions-users.md D; labels unverified).
 */
export const describePermissionSetLicense = (state: OrgState): Record<string, unknown> => {
  refuseIfUnknown(state, 'permissionSetLicences');
  const fields = new Set([
    'Id',
    'DeveloperName',
    'MasterLabel',
    'TotalLicenses',
    'UsedLicenses',
    ...Object.keys(state.shape.permissions).map((p) => `MaximumPermissions${p}`),
  ]);
  return {
    name: 'PermissionSetLicense',
    fields: [...fields].map((name) => ({
      name,
      label: name,
      type: name.startsWith('Maximum') ? 'boolean' : name.endsWith('Licenses') ? 'int' : 'string',
    })),
  };
};

export const describeGlobal = (state: OrgState): Record<string, unknown> => {
  refuseIfUnknown(state, 'objects');
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: [...new Set([...state.shape.objects, ...state.records.keys()])]
      .sort()
      .map((name) => ({ name, label: name, queryable: true })),
  };
};

export { runQuery };
