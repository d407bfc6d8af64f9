import type { Vendor } from '../../catalogue';
import type { UserPlan } from '../plan/preflight';
import type { UserReport } from './provisionUsers';

/** The User record an integration user is created with: vendor.json's user, the plan's name, email and profile. */
export const userRecord = (u: NonNullable<Vendor['user']>, plan: UserPlan): Record<string, string> => ({
  Username: plan.username,
  Email: plan.email,
  LastName: u.LastName,
  Alias: u.Alias,
  ProfileId: plan.profile.id,
  TimeZoneSidKey: u.TimeZoneSidKey,
  LocaleSidKey: u.LocaleSidKey,
  EmailEncodingKey: u.EmailEncodingKey,
  LanguageLocaleKey: u.LanguageLocaleKey,
});

/** A user's report before anything is done: nothing created, nothing assigned yet. */
export const newUserReport = (vendor: Vendor, plan: UserPlan): UserReport => ({
  vendor: vendor.name,
  username: plan.username,
  userId: plan.existing?.id ?? '',
  created: false,
  profile: plan.profile.name,
  permissionSetLicensesAssigned: [],
  permissionSetsAssigned: [],
  alreadyAssigned: [],
  nextSteps: [],
});
