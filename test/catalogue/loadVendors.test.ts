import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadVendors } from '../../src/catalogue';
import type { Problem } from '../../src/problems/problem';
import { THIRD_VENDOR_FIXTURE } from '../helpers/thirdVendor';

/**
 * The catalogue loader's problems, one case per kind: each names its code (what scripts match in
 * `--json`), file, field, message and fix. The project is the smallest the loader reads: an
 * sfdx-project.json and the synthetic third vendor's vendor.json (test/fixtures/third-vendor).
 */
type Entry = Record<string, unknown> & {
  values: Array<Record<string, unknown>>;
  handoff: Array<Record<string, unknown>>;
  guideSteps: Array<Record<string, unknown>>;
  trustedRanges: Record<string, unknown>;
  permissions: Record<string, Record<string, unknown>>;
};

const VENDOR = 'force-app/acme/vendor.json';
const FIXTURE_ENTRY = path.join(THIRD_VENDOR_FIXTURE, VENDOR);

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-catalogue-'));
  fs.mkdirSync(path.join(dir, 'force-app', 'acme'), { recursive: true });
  write('sfdx-project.json', JSON.stringify({ packageDirectories: [{ path: 'force-app/acme/' }] }));
  fs.copyFileSync(FIXTURE_ENTRY, path.join(dir, VENDOR));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (file: string, text: string | Buffer): void => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};
/** A fresh copy of the fixture's vendor.json, for a case to break and write back with writeEntry. */
const fixtureEntry = (): Entry => JSON.parse(fs.readFileSync(FIXTURE_ENTRY, 'utf8')) as Entry;
const writeEntry = (entry: Entry): void => write(VENDOR, JSON.stringify(entry, undefined, 2));
/** The vendor with an integration user: its definition file and the two values the user needs. */
const withUser = (user: Record<string, unknown>): void => {
  const e = fixtureEntry();
  e.integrationUser = 'users/acme.json';
  e.values.push(
    { key: 'username', type: 'username', role: 'integrationUsername', required: true, description: 'u' },
    { key: 'userEmail', type: 'email', role: 'integrationUserEmail', required: true, description: 'e' }
  );
  writeEntry(e);
  write('force-app/acme/users/acme.json', JSON.stringify(user));
};
const USER = {
  LastName: 'Acme',
  Alias: 'acme',
  TimeZoneSidKey: 'GMT',
  LocaleSidKey: 'en_US',
  EmailEncodingKey: 'UTF-8',
  LanguageLocaleKey: 'en_US',
  userLicense: 'Salesforce',
  profileName: 'Minimum Access - Salesforce',
  profileByLicense: 'Minimum Access - Salesforce',
  permissionSetLicenses: [],
  permsets: ['Acme_Posture_Reader'],
};

const problems = (): Problem[] => loadVendors(dir).problems;
const error = (code: string, file: string, field: string, message: string, fix: string): Problem => ({
  code,
  severity: 'error',
  file,
  field,
  message,
  fix,
});
const inVendor = (code: string, field: string, message: string, fix: string): Problem =>
  error(code, VENDOR, field, message, fix);

describe('the catalogue as given', () => {
  it('loads the fixture vendor without a problem (the cases below each break one thing)', () => {
    const { vendors, problems: found } = loadVendors(dir);
    expect(found).toEqual([]);
    expect(vendors.map((v) => v.name)).toEqual(['acme']);
  });

  it('loads a vendor with an integration user', () => {
    withUser(USER);
    const { vendors, problems: found } = loadVendors(dir);
    expect(found).toEqual([]);
    expect(vendors[0]?.user?.Alias).toBe('acme');
  });
});

describe('files the catalogue cannot read', () => {
  it('a missing sfdx-project.json', () => {
    fs.rmSync(path.join(dir, 'sfdx-project.json'));
    expect(problems()).toEqual([
      error(
        'CatalogueFileNotFound',
        'sfdx-project.json',
        '',
        'cannot be read',
        'Create sfdx-project.json, or restore it from git.'
      ),
    ]);
  });

  it('a vendor.json that is not JSON, with the parser’s words', () => {
    write(VENDOR, '{ "name": ');
    let parserSays = '';
    try {
      JSON.parse('{ "name": ');
    } catch (err) {
      parserSays = (err as Error).message;
    }
    expect(problems()).toEqual([
      inVendor(
        'CatalogueFileNotJson',
        '',
        `is not valid JSON: ${parserSays}`,
        'Fix the JSON syntax (a JSON linter shows where).'
      ),
    ]);
  });

  it('a vendor.json that is not UTF-8: the file error’s name is the code', () => {
    write(VENDOR, Buffer.from([0x7b, 0xc3, 0x28, 0x7d]));
    expect(problems()).toEqual([
      inVendor('NotUtf8TextError', '', `${VENDOR} is not UTF-8 text.`, 'Save the file as UTF-8 text.'),
    ]);
  });

  it('a missing integration-user definition', () => {
    withUser(USER);
    fs.rmSync(path.join(dir, 'force-app/acme/users/acme.json'));
    expect(problems()).toEqual([
      error(
        'CatalogueFileNotFound',
        'force-app/acme/users/acme.json',
        '',
        'cannot be read',
        'Create force-app/acme/users/acme.json, or restore it from git.'
      ),
    ]);
  });
});

describe('sfdx-project.json', () => {
  it('that is not an object', () => {
    write('sfdx-project.json', '[]');
    expect(problems()).toEqual([
      error(
        'CatalogueNotAnObject',
        'sfdx-project.json',
        '',
        'must be an object, found a list',
        'Write  as a JSON object { ... }.'
      ),
    ]);
  });

  it('without packageDirectories, or with something else than a list', () => {
    write('sfdx-project.json', '{}');
    expect(problems()).toEqual([
      error(
        'CatalogueListMissing',
        'sfdx-project.json',
        'packageDirectories',
        'is missing',
        'Set packageDirectories to a JSON list [ ... ].'
      ),
    ]);
    write('sfdx-project.json', '{ "packageDirectories": "force-app" }');
    expect(problems()).toEqual([
      error(
        'CatalogueNotAList',
        'sfdx-project.json',
        'packageDirectories',
        'must be a list, found "force-app"',
        'Set packageDirectories to a JSON list [ ... ].'
      ),
    ]);
  });

  it('whose package directories hold no vendor.json', () => {
    fs.rmSync(path.join(dir, VENDOR));
    expect(problems()).toEqual([
      error(
        'CatalogueWithoutVendors',
        'sfdx-project.json',
        'packageDirectories',
        'no package directory holds a vendor.json',
        'Run vendor-access from the project root, or add force-app/<vendor>/vendor.json.'
      ),
    ]);
  });
});

describe('the shape of vendor.json', () => {
  it('a missing string, a non-string and an empty string', () => {
    const e = fixtureEntry();
    delete e.title;
    e.guide = 5;
    e.packageDirectory = ' ';
    writeEntry(e);
    expect(problems()).toEqual([
      inVendor('CatalogueStringMissing', 'title', 'is missing', 'Set title to a string.'),
      inVendor('CatalogueNotAString', 'guide', 'must be a non-empty string, found 5', 'Set guide to a string.'),
      inVendor(
        'CatalogueNotAString',
        'packageDirectory',
        'must be a non-empty string, found " "',
        'Set packageDirectory to a string.'
      ),
    ]);
  });

  it('a missing boolean and a non-boolean', () => {
    const e = fixtureEntry();
    delete e.values[0]?.required;
    e.values.push({ key: 'k', type: 'email', role: 'none', required: 'yes', description: 'd' });
    writeEntry(e);
    expect(problems()).toEqual([
      inVendor(
        'CatalogueBooleanMissing',
        'values[0].required',
        'is missing',
        'Set values[0].required to true or false.'
      ),
      inVendor(
        'CatalogueNotABoolean',
        'values[1].required',
        'must be true or false, found "yes"',
        'Set values[1].required to true or false.'
      ),
    ]);
  });

  it('an entry that is not an object, a list entry that is not a string, a value not allowed', () => {
    const e = fixtureEntry();
    e.guideRequiredPermissions = 'ApiEnabled';
    e.features = [{ id: 'f', description: 'd', permissionSets: ['Acme_Posture_Reader', 7] }];
    (e.values[0] as Record<string, unknown>).type = 'phone';
    writeEntry(e);
    expect(problems()).toEqual([
      inVendor(
        'CatalogueNotOneOf',
        'values[0].type',
        '"phone" is not one of email, username, certificateFile, ipRanges, features',
        'Use one of: email, username, certificateFile, ipRanges, features.'
      ),
      inVendor(
        'CatalogueListEntryNotAString',
        'features[0].permissionSets[1]',
        'must be a string, found 7',
        'Write every entry as a JSON string.'
      ),
      inVendor(
        'CatalogueNotAnObject',
        'guideRequiredPermissions',
        'must be an object, found "ApiEnabled"',
        'Write guideRequiredPermissions as a JSON object { ... }.'
      ),
    ]);
  });
});

describe('what vendor.json says', () => {
  it('a name that is not the folder’s', () => {
    const e = fixtureEntry();
    e.name = 'acme2';
    writeEntry(e);
    expect(problems()).toEqual([
      inVendor(
        'VendorJsonNameNotFolder',
        'name',
        '"acme2" differs from the folder name "acme"',
        'Set name to "acme", or rename the folder.'
      ),
    ]);
  });

  it('a role given twice, and a role on a value of the wrong type', () => {
    const e = fixtureEntry();
    e.values.push(
      { key: 'second', type: 'email', role: 'contactEmail', required: false, description: 'd' },
      { key: 'cert', type: 'email', role: 'certificate', required: false, description: 'd' }
    );
    writeEntry(e);
    expect(problems()).toEqual([
      inVendor(
        'VendorJsonRoleTwice',
        'values[1].role',
        '"contactEmail" is already the role of values[0]',
        'Give each role to one value; use "none" for values generic code does not need.'
      ),
      inVendor(
        'VendorJsonRoleTypeMismatch',
        'values[2].role',
        '"certificate" needs a value of type "certificateFile", found "email"',
        'Set type to "certificateFile", or choose another role.'
      ),
    ]);
  });

  it('a permission with a name that is no API name, and one with no risk tier', () => {
    const e = fixtureEntry();
    e.permissions['View-Health'] = { label: 'View', tier: 3, why: 'w' };
    (e.permissions.ViewHealthCheck as Record<string, unknown>).tier = 7;
    writeEntry(e);
    expect(problems()).toEqual([
      inVendor(
        'VendorJsonPermissionTierInvalid',
        'permissions.ViewHealthCheck.tier',
        'must be a risk tier 0 to 4, found 7',
        'Set tier to 0 (can take over the org) … 4 (an access channel only), as the review report explains.'
      ),
      inVendor(
        'VendorJsonPermissionNameInvalid',
        'permissions.View-Health',
        '"View-Health" is not a permission API name',
        'Use the PermissionSet field name without "Permissions" (describe(PermissionSet) lists them).'
      ),
    ]);
  });

  it('trusted ranges from a value that is not an ipRanges value, or from nowhere', () => {
    const noIpRanges = fixtureEntry();
    noIpRanges.trustedRanges.fromValue = 'alertEmail';
    writeEntry(noIpRanges);
    expect(problems()).toEqual([
      inVendor(
        'VendorJsonRangesValueMissing',
        'trustedRanges.fromValue',
        '"alertEmail" is not the key of a value of type "ipRanges"',
        'Name the key of the ipRanges value that holds per-org ranges (add one to values).'
      ),
    ]);
    const otherKey = fixtureEntry();
    otherKey.trustedRanges.fromValue = 'alertEmail';
    otherKey.values.push({ key: 'ranges', type: 'ipRanges', role: 'trustedRanges', required: false, description: 'd' });
    otherKey.values.push({ key: 'more', type: 'ipRanges', role: 'none', required: false, description: 'd' });
    writeEntry(otherKey);
    expect(problems()).toEqual([
      inVendor(
        'VendorJsonRangesValueNotIpRanges',
        'trustedRanges.fromValue',
        '"alertEmail" is not the key of a value of type "ipRanges"',
        'Name the key of the ipRanges value that holds per-org ranges (ranges, more).'
      ),
    ]);
    const noSource = fixtureEntry();
    delete noSource.trustedRanges.file;
    writeEntry(noSource);
    expect(problems()).toEqual([
      inVendor(
        'VendorJsonRangesWithoutSource',
        'trustedRanges',
        'names neither a file nor a fromValue',
        'Set trustedRanges.file (fixed ranges) or trustedRanges.fromValue (per-org ranges).'
      ),
    ]);
  });

  it('handoff items from a consumer key without an app, from nowhere, from a role no value has', () => {
    const e = fixtureEntry();
    e.handoff.push(
      { item: 'key', from: 'org.consumerKey' },
      { item: 'x', from: 'elsewhere' },
      { item: 'y', from: 'values.certificate' }
    );
    writeEntry(e);
    expect(problems()).toEqual([
      inVendor(
        'VendorJsonHandoffKeyWithoutApp',
        'handoff[1].from',
        '"org.consumerKey" needs an External Client App, and this vendor has none',
        'Remove the item, or describe the app in externalClientApp.'
      ),
      inVendor(
        'VendorJsonHandoffFromInvalid',
        'handoff[2].from',
        '"elsewhere" is neither values.<role> nor org.consumerKey',
        'Write "values.<role>" (one of the roles in values: contactEmail) or "org.consumerKey".'
      ),
      inVendor(
        'VendorJsonHandoffRoleUnknown',
        'handoff[3].from',
        '"values.certificate" names the role "certificate", which no value of this vendor has',
        'Use one of: values.contactEmail; or give a value that role.'
      ),
    ]);
  });

  it('a handoff item from a role when no value has a role', () => {
    const e = fixtureEntry();
    (e.values[0] as Record<string, unknown>).role = 'none';
    e.handoff = [
      { item: 'x', from: 'elsewhere' },
      { item: 'y', from: 'values.contactEmail' },
    ];
    writeEntry(e);
    expect(problems()).toEqual([
      inVendor(
        'VendorJsonHandoffFromInvalid',
        'handoff[0].from',
        '"elsewhere" is neither values.<role> nor org.consumerKey',
        'Write "values.<role>" (one of the roles in values: none) or "org.consumerKey".'
      ),
      inVendor(
        'VendorJsonHandoffRoleUnknown',
        'handoff[1].from',
        '"values.contactEmail" names the role "contactEmail", which no value of this vendor has',
        'Use one of: org.consumerKey; or give a value that role.'
      ),
    ]);
  });

  it('a guide step nothing implements', () => {
    const e = fixtureEntry();
    delete e.guideSteps[6]?.manual;
    writeEntry(e);
    expect(problems()).toEqual([
      inVendor(
        'VendorJsonStepNotImplemented',
        'guideSteps[6]',
        'says neither which element implements it, nor that it is manual or done by a command',
        'Add implementedBy, manual or command.'
      ),
    ]);
  });
});

describe('the integration user', () => {
  it('a vendor with a user and no username or email value', () => {
    const e = fixtureEntry();
    e.integrationUser = 'users/acme.json';
    writeEntry(e);
    expect(problems()).toEqual([
      inVendor(
        'VendorJsonUserRoleMissing',
        'values',
        'has no value with role "integrationUsername", which the integration user needs',
        'Add a value with "role": "integrationUsername", or remove integrationUser.'
      ),
      inVendor(
        'VendorJsonUserRoleMissing',
        'values',
        'has no value with role "integrationUserEmail", which the integration user needs',
        'Add a value with "role": "integrationUserEmail", or remove integrationUser.'
      ),
    ]);
  });

  it('a vendor without a user, with a username value and hardened mode', () => {
    const e = fixtureEntry();
    e.values.push({ key: 'u', type: 'username', role: 'integrationUsername', required: true, description: 'd' });
    e.hardening = { restrictLoginToVendorRanges: { applies: true, why: 'w', profile: 'P', file: 'p.xml' } };
    writeEntry(e);
    expect(problems()).toEqual([
      inVendor(
        'VendorJsonUserRoleWithoutUser',
        'values[1].role',
        'is "integrationUsername", but the vendor has no integrationUser',
        'Set integrationUser to the user definition (users/*.json), or give the value the role "none".'
      ),
      inVendor(
        'VendorJsonHardeningWithoutUser',
        'hardening.restrictLoginToVendorRanges.applies',
        'is true, but hardened mode moves the integration user and the vendor has none',
        'Set applies to false, or add integrationUser.'
      ),
    ]);
  });

  it('a user definition with a missing key and an alias too long', () => {
    const user: Record<string, unknown> = { ...USER, Alias: 'acmeposture' };
    delete user.LastName;
    withUser(user);
    const file = 'force-app/acme/users/acme.json';
    expect(problems()).toEqual([
      error('CatalogueStringMissing', file, 'LastName', 'is missing', 'Set LastName to a string.'),
      error(
        'UserDefinitionAliasTooLong',
        file,
        'Alias',
        '"acmeposture" is longer than 8 characters (the User.Alias limit)',
        'Shorten the alias to 8 characters or fewer.'
      ),
    ]);
  });
});
