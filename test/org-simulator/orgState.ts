import crypto from 'node:crypto';
import { usernameOwner } from './usernames';
import { fileSchemaProblems } from './rules/schemaRules';
import { SCHEMA_SOURCE } from './schema';
import { hasEventMonitoring, OrgShape, sandboxNameProblem, SHAPES } from './shapes';

/** A component the org holds, in metadata format (what a retrieve returns). */
export type HeldComponent = { type: string; fullName: string; path: string; xml: string };

export type Row = Record<string, string | number | boolean | null>;

/** Everything the simulated org holds; tests read it after a run to prove what was kept. */
export type OrgState = {
  orgId: string;
  shape: OrgShape;
  components: Map<string, HeldComponent>;
  /** sObject rows by object name (User, Profile, PermissionSet, PermissionSetAssignment, …). */
  records: Map<string, Row[]>;
  /** Consumer keys the org minted per External Client App. */
  consumerKeys: Map<string, string>;
  /** Consumer secrets the org minted per External Client App (Setup shows them; tests read them here). */
  consumerSecrets: Map<string, string>;
  /** Whether a retrieve of ExtlClntAppGlobalOauthSettings includes the consumer key. */
  releaseConsumerKey: boolean;
  /** Whether a retrieve of ExtlClntAppGlobalOauthSettings includes the certificate. */
  releaseCertificate: boolean;
};

export type SeedUser = { Username: string; Email?: string; LastName?: string; profile: string; IsActive?: boolean };

export type SeedState = {
  trustedRanges?: Array<{ start: string; end: string; description?: string }>;
  /** Extra components the org already holds (e.g. an unrelated permission set), metadata-format path → XML. */
  components?: Array<{ type: string; fullName: string; path: string; xml: string }>;
  users?: SeedUser[];
  /**
   * Sandbox only: users as production holds them. A sandbox copy carries `<username>.<sandbox name>`
   * and `<email>.invalid` (Help: sandbox users and contacts).
   */
  productionUsers?: SeedUser[];
  /** Permissions the deploying admin lacks (default: a System Administrator holding everything). */
  adminLacks?: string[];
  /** Login IP ranges per profile name (the Reco guide's grant failure). */
  loginIpRanges?: Array<{ profile: string; start: string; end: string }>;
  releaseConsumerKey?: boolean;
  /** SessionSettings.enforceIpRangesEveryRequest ("Enforce login IP ranges on every request"). */
  enforceIpRangesEveryRequest?: boolean;
};

let counter = 0;
/** A 15-character Salesforce-style id with the object's key prefix. */
export const newId = (prefix: string): string =>
  `${prefix}${String(++counter).padStart(12 - prefix.length + 3, '0')}`.slice(0, 15);

export const settingsXml = (name: string, body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${name}Settings xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}</${name}Settings>\n`;

export const securityXml = (ranges: NonNullable<SeedState['trustedRanges']>): string =>
  settingsXml(
    'Security',
    `    <networkAccess>\n${ranges
      .map(
        (r) =>
          `        <ipRanges>\n${
            r.description === undefined ? '' : `            <description>${r.description}</description>\n`
          }            <end>${r.end}</end>\n            <start>${r.start}</start>\n        </ipRanges>\n`
      )
      .join('')}    </networkAccess>\n`
  );

/**
 * Puts a component in the org. Whatever the org holds exists in Salesforce's published schema:
 * a component that does not is a defect of the simulator (or of a seed), never org state.
 */
export const holdComponent = (state: OrgState, component: HeldComponent): void => {
  const problems = fileSchemaProblems(component.type, component.fullName, component.xml);
  if (problems.length)
    throw new Error(
      `org simulator: ${component.type}:${
        component.fullName
      } does not follow Salesforce's Metadata API schema (${SCHEMA_SOURCE}), so no org can hold it: ${problems.join(
        '; '
      )}`
    );
  state.components.set(`${component.type}:${component.fullName}`, component);
};

/**
 * Event Manager as a retrieve shows it: every entity the org offers, with whether storage is on
 * (`enabled`: what a probe saw enabled; none in a fresh built-in org).
 */
export const realTimeEventXml = (entities: string[], enabled: string[] = []): string =>
  settingsXml(
    'RealTimeEvent',
    entities
      .map(
        (e) =>
          `    <realTimeEvents>\n        <entityName>${e}</entityName>\n        <isEnabled>${enabled.includes(
            e
          )}</isEnabled>\n    </realTimeEvents>\n`
      )
      .join('')
  );

/** ExternalClientAppSettings a shape says the org holds (what a probe saw a retrieve return). */
const externalClientAppSettings = (shape: OrgShape): HeldComponent[] => {
  const fields = Object.entries(shape.externalClientAppSettings ?? {});
  return fields.length
    ? [
        {
          type: 'Settings',
          fullName: 'ExternalClientApp',
          path: 'settings/ExternalClientApp.settings',
          xml: settingsXml('ExternalClientApp', fields.map(([k, v]) => `    <${k}>${v}</${k}>\n`).join('')),
        },
      ]
    : [];
};

/** A fresh org of a shape, with whatever it already had. */
// eslint-disable-next-line complexity -- one default per org fact a shape may leave out
export const createOrgState = (shapeOrName: string | OrgShape = 'enterprise', seed: SeedState = {}): OrgState => {
  const shape = typeof shapeOrName === 'string' ? SHAPES[shapeOrName] : shapeOrName;
  if (!shape) throw new Error(`unknown org shape ${String(shapeOrName)}`);
  const sandboxProblem = shape.sandbox && sandboxNameProblem(shape.sandbox.name);
  if (sandboxProblem) throw new Error(`org simulator: ${sandboxProblem}`);
  if (seed.productionUsers?.length && !shape.sandbox)
    throw new Error(
      'org simulator seed: productionUsers are copies into a sandbox; give the org a sandbox name (shape enterprise-sandbox or the sandbox option)'
    );
  // Unique per org, like real ones: the sf auth store keys logins by username.
  const serial = String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
  const state: OrgState = {
    orgId: `00D${serial}`,
    shape,
    components: new Map(),
    records: new Map(),
    consumerKeys: new Map(),
    consumerSecrets: new Map(),
    releaseConsumerKey: seed.releaseConsumerKey ?? shape.globalOauthRetrieve?.consumerKey ?? true,
    releaseCertificate: shape.globalOauthRetrieve?.certificate ?? true,
  };
  const licences = shape.userLicences.map((l) => ({
    Id: newId('100'),
    Name: l.name,
    TotalLicenses: l.total,
    UsedLicenses: l.used,
  }));
  const profiles = shape.profiles.map((p) => ({
    Id: newId('00e'),
    Name: p.name,
    UserLicenseId: licences.find((l) => l.Name === p.licence)?.Id ?? null,
  }));
  // In a sandbox the admin is a copy too: its username carries the sandbox suffix.
  const suffix = shape.sandbox ? `.${shape.sandbox.name.toLowerCase()}` : '';
  const admin = {
    Id: '005000000000001',
    Username: `admin.${serial}@sim.example.com${suffix}`,
    Email: 'admin@sim.example.com',
    LastName: 'Admin',
    Alias: 'admin',
    ProfileId: profiles[0]?.Id ?? null,
    IsActive: true,
    // User.LastLoginDate: the last successful login, null until the first (seedLogin sets it).
    LastLoginDate: null,
  };
  state.records.set('UserLicense', licences);
  state.records.set('Profile', profiles);
  state.records.set('User', [admin]);
  // PermissionSetLicense.MaximumPermissions<Name>: true where the licence may grant the permission.
  state.records.set(
    'PermissionSetLicense',
    shape.permissionSetLicences.map((p) => ({
      Id: newId('0PL'),
      DeveloperName: p.developerName,
      MasterLabel: p.masterLabel,
      TotalLicenses: p.total,
      UsedLicenses: p.used,
      ...Object.fromEntries(
        Object.keys(shape.permissions).map((name) => [`MaximumPermissions${name}`, !p.deniedPermissions.includes(name)])
      ),
    }))
  );
  state.records.set('SetupEntityAccess', []);
  state.records.set('PermissionSet', []);
  state.records.set('PermissionSetAssignment', []);
  state.records.set('PermissionSetLicenseAssign', []);
  state.records.set('LoginIpRange', []);
  // Every user holds the permission set its profile owns (PermissionSet.IsOwnedByProfile), so a user's
  // rights are the union of the Permissions* fields of its PermissionSetAssignments.
  const adminPerms = Object.fromEntries(
    Object.keys(shape.permissions).map((p) => [`Permissions${p}`, !(seed.adminLacks ?? []).includes(p)])
  );
  const adminProfileSet = {
    Id: newId('0PS'),
    Name: 'X00ex00000018ozh_128_09_04_12_1',
    Label: 'System Administrator',
    IsOwnedByProfile: true,
    IsCustom: false,
    LicenseId: null,
    ...adminPerms,
  };
  state.records.get('PermissionSet')?.push(adminProfileSet);
  state.records
    .get('PermissionSetAssignment')
    ?.push({ Id: newId('0Pa'), AssigneeId: admin.Id, PermissionSetId: adminProfileSet.Id });
  // Help (sandbox users and contacts): the sandbox name is appended; "If the resulting username
  // isn't unique, … some characters and digits are prepended" (e.g. 00x7Vquser@acme.com.test).
  // Unverified: how many and which; the simulator prepends "00" and four letters or digits.
  const copies = (seed.productionUsers ?? []).map((u) => {
    const appended = `${u.Username}${suffix}`;
    const taken = usernameOwner(appended) !== undefined || (seed.users ?? []).some((s) => s.Username === appended);
    return {
      ...u,
      Username: taken
        ? `00${crypto
            .randomBytes(3)
            .toString('base64')
            .replace(/[^A-Za-z0-9]/g, 'x')
            .slice(0, 4)}${appended}`
        : appended,
      Email: `${u.Email ?? u.Username}.invalid`,
    };
  });
  for (const user of [...(seed.users ?? []), ...copies]) {
    const profile = profiles.find((p) => p.Name === user.profile);
    if (!profile)
      throw new Error(
        `org simulator seed: user ${user.Username} names profile '${
          user.profile
        }', which this org lacks (profiles: ${profiles.map((p) => p.Name).join(', ')})`
      );
    if (state.records.get('User')?.some((u) => String(u.Username).toLowerCase() === user.Username.toLowerCase()))
      throw new Error(`org simulator seed: username ${user.Username} is seeded twice; usernames are unique`);
    state.records.get('User')?.push({
      Id: newId('005'),
      Username: user.Username,
      Email: user.Email ?? user.Username,
      LastName: user.LastName ?? 'Seeded',
      Alias: 'seed',
      ProfileId: profile.Id,
      IsActive: user.IsActive ?? true,
      LastLoginDate: null,
    });
  }
  for (const range of seed.loginIpRanges ?? []) {
    state.records.get('LoginIpRange')?.push({
      Id: newId('0LI'),
      ProfileId: profiles.find((p) => p.Name === range.profile)?.Id ?? null,
      StartAddress: range.start,
      EndAddress: range.end,
    });
  }
  holdComponent(state, {
    type: 'Settings',
    fullName: 'Security',
    path: 'settings/Security.settings',
    xml: securityXml(seed.trustedRanges ?? []),
  });
  // Without Event Monitoring the org has no Event Manager storage to report (unverified: whether a
  // real org's retrieve then omits enableEventLogWaveIntegration; the simulator omits it).
  const eventMonitoring = hasEventMonitoring(shape);
  holdComponent(state, {
    type: 'Settings',
    fullName: 'Event',
    path: 'settings/Event.settings',
    xml: settingsXml(
      'Event',
      `    <enableDeleteMonitoringData>true</enableDeleteMonitoringData>\n${
        eventMonitoring ? '    <enableEventLogWaveIntegration>false</enableEventLogWaveIntegration>\n' : ''
      }`
    ),
  });
  // UNVERIFIED: a retrieve of Settings:RealTimeEvent lists every entity the org offers, each with
  // isEnabled (false until storage is turned on). No public source shows a full retrieve.
  holdComponent(state, {
    type: 'Settings',
    fullName: 'RealTimeEvent',
    path: 'settings/RealTimeEvent.settings',
    xml: realTimeEventXml(shape.realTimeEvents, shape.realTimeEventsEnabled),
  });
  for (const component of externalClientAppSettings(shape)) holdComponent(state, component);
  if (seed.enforceIpRangesEveryRequest !== undefined) {
    holdComponent(state, {
      type: 'Settings',
      fullName: 'Session',
      path: 'settings/Session.settings',
      xml: settingsXml(
        'Session',
        `    <enforceIpRangesEveryRequest>${String(seed.enforceIpRangesEveryRequest)}</enforceIpRangesEveryRequest>\n`
      ),
    });
  }
  for (const component of seed.components ?? []) {
    const problems = fileSchemaProblems(component.type, component.fullName, component.xml);
    if (problems.length)
      throw new Error(
        `org simulator seed: component ${component.type}:${
          component.fullName
        } holds what Salesforce's Metadata API schema (${SCHEMA_SOURCE}) lacks, so no org could hold it: ${problems.join(
          '; '
        )}`
      );
    holdComponent(state, component);
    if (component.type === 'PermissionSet')
      state.records.get('PermissionSet')?.push({
        Id: newId('0PS'),
        Name: component.fullName,
        Label: component.fullName,
        IsCustom: true,
        LicenseId: licenceIdFor(state, /<license>([^<]*)<\/license>/.exec(component.xml)?.[1]),
      });
  }
  return state;
};

/** A deep copy: a deploy works on one and replaces the state only if every component succeeded. */
export const cloneState = (state: OrgState): OrgState => ({
  ...state,
  components: new Map([...state.components].map(([k, v]) => [k, { ...v }])),
  records: new Map([...state.records].map(([k, rows]) => [k, rows.map((r) => ({ ...r }))])),
  consumerKeys: new Map(state.consumerKeys),
  consumerSecrets: new Map(state.consumerSecrets),
});

/**
 * PermissionSet.LicenseId for a file's `<license>` text: the permission set licence whose
 * `<license>` text it is (the probed text, else its MasterLabel), else the user licence of that name.
 */
export const licenceIdFor = (state: OrgState, license: string | undefined): string | null => {
  if (license === undefined) return null;
  const psl = state.shape.permissionSetLicences.find((p) => (p.licenseInFiles ?? p.masterLabel) === license);
  const row = psl
    ? rows(state, 'PermissionSetLicense').find((r) => r.DeveloperName === psl.developerName)
    : rows(state, 'UserLicense').find((r) => r.Name === license);
  return row ? String(row.Id) : null;
};

export const rows = (state: OrgState, object: string): Row[] => {
  let list = state.records.get(object);
  if (!list) {
    list = [];
    state.records.set(object, list);
  }
  return list;
};
