import type { OrgFeatureSpec, Vendor } from '../../catalogue';
import type { OrgFacts } from '../read/readOrgFacts';

/** What one vendor does not get in this org because the org lacks an optional feature. */
export type FeatureGap = {
  vendor: string;
  feature: string;
  title: string;
  /** The vendor's own words on what it will not see without the feature. */
  withoutIt: string;
  /** Each part left out, e.g. `permission ViewEventLogFiles (View Event Log Files)`. */
  leftOut: string[];
};

/** One vendor's org features as this org answers them. */
export type FeatureResolution = {
  gaps: FeatureGap[];
  /** Permissions and objects an optional feature accounts for, so preflight does not fail on them. */
  optionalPermissions: Set<string>;
  optionalObjects: Set<string>;
  /** Settings fullNames to leave out of this org's deploy. */
  excludeSettings: string[];
  /** Event Manager entities to enable, from the org; undefined leaves the vendor's file as it is. */
  eventManager?: { file: string; entities: string[] };
};

const presentIn = (facts: OrgFacts, feature: OrgFeatureSpec): boolean =>
  feature.permissions.every((p) => facts.permissions.has(p)) && feature.objects.every((o) => facts.sobjects.has(o));

/**
 * Decides, from what the org says exists (its PermissionSet fields, its objects, its Event Manager
 * entities), which feature-dependent parts of a vendor's setup this org gets. Never from an edition.
 */
export const resolveOrgFeatures = (facts: OrgFacts, vendor: Vendor): FeatureResolution => {
  const resolution: FeatureResolution = {
    gaps: [],
    optionalPermissions: new Set(),
    optionalObjects: new Set(),
    excludeSettings: [],
  };
  for (const feature of vendor.orgFeatures ?? []) {
    if (!feature.optional) continue;
    feature.permissions.forEach((p) => resolution.optionalPermissions.add(p));
    feature.objects.forEach((o) => resolution.optionalObjects.add(o));
    const leftOut = [
      ...feature.permissions.filter((p) => !facts.permissions.has(p)).map((p) => `permission ${p}`),
      ...feature.objects.filter((o) => !facts.sobjects.has(o)).map((o) => `object permissions on ${o}`),
    ];
    const present = presentIn(facts, feature);
    if (!present) {
      resolution.excludeSettings.push(...feature.settings);
      leftOut.push(...feature.settings.map((s) => `${s} settings`));
    }
    if (feature.eventManager) {
      const offered = facts.realTimeEvents ?? [];
      if (offered.length) resolution.eventManager = { file: feature.eventManager, entities: offered };
      else if (!present) {
        resolution.excludeSettings.push('RealTimeEvent');
        leftOut.push('Event Manager streaming and storage (the org offers no real-time event)');
      }
    }
    if (leftOut.length)
      resolution.gaps.push({
        vendor: vendor.name,
        feature: feature.id,
        title: feature.title,
        withoutIt: feature.withoutIt,
        leftOut,
      });
  }
  return resolution;
};

/** One line per gap, for text output and the handoff. */
export const describeGap = (gap: FeatureGap): string =>
  `${gap.vendor}: this org has no ${gap.title}. ${gap.withoutIt} Left out: ${gap.leftOut.join(', ')}.`;
