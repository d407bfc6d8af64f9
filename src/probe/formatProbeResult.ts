import { loadMessages } from '../messages';
import { isUnknown, ProbeShape } from './probeShape';
import type { ProbeResult } from './runProbe';

const messages = loadMessages('probe');

const size = (value: unknown): string =>
  Array.isArray(value)
    ? String(value.length)
    : value && typeof value === 'object'
    ? String(Object.keys(value).length)
    : String(value);

/** One line per fact, as a person checks them; unknown facts with the org's answer. */
const factLines = (shape: ProbeShape): Array<[string, string]> => {
  const lines: Array<[string, string]> = [];
  const add = (label: string, value: unknown, describe: () => string): void => {
    if (!isUnknown(value)) lines.push([label, describe()]);
  };
  add('edition', shape.edition, () => String(shape.edition));
  add('sandbox', shape.sandbox, () =>
    shape.sandbox && typeof shape.sandbox === 'object' ? `yes, named ${shape.sandbox.name}` : 'no'
  );
  add('user permissions', shape.permissions, () => size(shape.permissions));
  add('permissions by label', shape.permissionsByLabel, () =>
    Object.entries(shape.permissionsByLabel as Record<string, string | null>)
      .map(([label, name]) => `"${label}" is ${name ?? 'not in this org'}`)
      .join('; ')
  );
  add(
    'permission dependencies',
    shape.dependencies,
    () =>
      `${Object.values(shape.dependencies as Record<string, string[]>).flat().length} user-permission edge(s)${
        Array.isArray(shape.otherDependencies) && shape.otherDependencies.length
          ? `, ${shape.otherDependencies.length} other row(s)`
          : ''
      }`
  );
  add('event and catalogue objects', shape.objects, () => size(shape.objects));
  add('user licences', shape.userLicences, () => size(shape.userLicences));
  add('profiles', shape.profiles, () => size(shape.profiles));
  add(
    'permission set licences',
    shape.permissionSetLicences,
    () =>
      (shape.permissionSetLicences as Array<{ developerName: string; masterLabel: string; licenseInFiles?: string }>)
        .map(
          (p) =>
            `${p.developerName} ("${p.masterLabel}"${
              p.licenseInFiles && !isUnknown(p.licenseInFiles)
                ? `, <license>${p.licenseInFiles}</license> in files`
                : ''
            })`
        )
        .join(', ') || 'none'
  );
  add(
    'Event Manager entities',
    shape.realTimeEvents,
    () =>
      `${size(shape.realTimeEvents)}${
        Array.isArray(shape.realTimeEventsEnabled) ? ` (${shape.realTimeEventsEnabled.length} enabled)` : ''
      }`
  );
  add(
    'ExternalClientAppSettings fields returned',
    shape.externalClientAppSettings,
    () => Object.keys(shape.externalClientAppSettings as Record<string, string>).join(', ') || 'none'
  );
  add('global OAuth settings retrieve', shape.globalOauthRetrieve, () => {
    const g = shape.globalOauthRetrieve as { certificate: boolean; consumerKey: boolean };
    return `returns the certificate: ${g.certificate ? 'yes' : 'no'}; returns the consumer key: ${
      g.consumerKey ? 'yes' : 'no'
    }`;
  });
  add(
    'SetupEntityAccess of the vendors’ permission sets',
    shape.setupEntityAccess,
    () =>
      (shape.setupEntityAccess as Array<{ setupEntityType: string; rows: number }>)
        .map((s) => `${s.setupEntityType}: ${s.rows}`)
        .join(', ') || 'none'
  );
  return lines;
};

export const formatProbeResult = (result: ProbeResult): string[] => {
  const facts = factLines(result.shape);
  return [
    messages.getMessage('info.Header', [result.targetOrg, facts.length, result.unknown.length, result.file]),
    ...facts.map(([label, value]) => messages.getMessage('info.Fact', [label, value])),
    ...result.unknown.map((u) => messages.getMessage('info.Unknown', [u.field, u.reason])),
    messages.getMessage('info.Serve', [result.file]),
  ];
};
