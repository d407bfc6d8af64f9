import type { Connection } from '@salesforce/core';
import type { Vendor } from '../catalogue';
import { DEFAULT_API_VERSION } from '../org/read';
import { catalogueNames } from './catalogueNames';
import { isUnknown, ProbeShape } from './probeShape';
import { readDependencyRows, splitDependencies, closureOf } from './readDependencyRows';
import { readEventObjects } from './readEventObjects';
import { readFact } from './readFact';
import { readGlobalOauthRetrieve } from './readGlobalOauthRetrieve';
import { readPermissionSetLicences, readUserLicences } from './readLicences';
import { readOrganization } from './readOrganization';
import { permissionsByLabel, readPermissionFields } from './readPermissionFields';
import { readSetupEntityAccess } from './readSetupEntityAccess';
import { readSettingsFacts } from './readSettingsFacts';

export type ProbeStep = (what: string) => void;

/**
 * Reads, never writes, the org facts the product depends on that no public source settles, as an
 * org shape. Every read is a describe, a SOQL query or a metadata retrieve; one the org refuses is
 * recorded as `unknown: <reason>` and the probe goes on.
 */
export const probeOrg = async (
  connection: Connection,
  vendors: Vendor[],
  options: { now?: Date; onStep?: ProbeStep } = {}
): Promise<ProbeShape> => {
  const step = options.onStep ?? ((): void => {});
  const names = catalogueNames(vendors);
  const probedAt = (options.now ?? new Date()).toISOString();

  step('reading the organization, its permission fields, objects, licences and profiles');
  const [organization, permissions, objects, licences, settings, globalOauthRetrieve, setupEntityAccess] =
    await Promise.all([
      readFact(() => readOrganization(connection)),
      readFact(() => readPermissionFields(connection)),
      readFact(() => readEventObjects(connection, names.objects)),
      readUserLicences(connection),
      readFact(() => readSettingsFacts(connection)),
      readFact(() => readGlobalOauthRetrieve(connection, names.globalOauthSettings)),
      readFact(() => readSetupEntityAccess(connection, names.permissionSets)),
    ]);
  const byLabel = isUnknown(permissions) ? permissions : permissionsByLabel(permissions, names.labels);
  const start = [
    ...names.permissions,
    ...(isUnknown(byLabel) ? [] : Object.values(byLabel).filter((p): p is string => p !== null)),
  ];

  step('walking PermissionDependency from every catalogue permission');
  const rows = await readFact(() => readDependencyRows(connection, start));
  const split = isUnknown(rows) ? undefined : splitDependencies(rows, isUnknown(permissions) ? undefined : permissions);
  const closure = closureOf(start, split?.dependencies ?? {}).filter((p) => isUnknown(permissions) || p in permissions);

  step('reading permission set licences');
  const permissionSetLicences = await readFact(() =>
    readPermissionSetLicences(connection, closure, names.permissionSets)
  );

  return {
    name: `probed ${probedAt.slice(0, 10)}`,
    source: `vendor-access probe, API ${DEFAULT_API_VERSION}: read-only reads of the org (describe, SOQL, Tooling, metadata retrieve); dependencies and licence limits cover the permissions the vendors' catalogue reaches`,
    probedAt,
    edition: isUnknown(organization) ? organization : organization.edition,
    sandbox: isUnknown(organization) ? organization : organization.sandbox,
    permissions,
    permissionsByLabel: byLabel,
    dependencies: split?.dependencies ?? (rows as ProbeShape['dependencies']),
    otherDependencies: split?.otherDependencies ?? rows,
    objects,
    userLicences: licences.userLicences,
    permissionSetLicences,
    profiles: licences.profiles,
    realTimeEvents: isUnknown(settings) ? settings : settings.realTimeEvents,
    ...(isUnknown(settings)
      ? { realTimeEventsEnabled: settings }
      : settings.realTimeEventsEnabled
      ? { realTimeEventsEnabled: settings.realTimeEventsEnabled }
      : {}),
    externalClientAppSettings: isUnknown(settings) ? settings : settings.externalClientAppSettings,
    globalOauthRetrieve,
    setupEntityAccess,
  };
};
