/**
 * vendor-access as a library: the same calls the CLI makes, for pipelines that script it in Node.
 * Each call validates every input before any side effect and throws a named SfError (name, message,
 * actions) when it refuses; results say what happened in each org. Nothing here prints.
 */

/**
 * Loads every vendor under force-app/ (each package directory holding a vendor.json).
 * Never throws for bad data: problems come back as a list naming file, field and fix.
 */
export { loadVendors } from './catalogue';
export type { Vendor, VendorEntry } from './catalogue';

/**
 * Every offline check for the chosen vendors and values, then writes the metadata package and the
 * permission review to out/. Throws CheckFailedError listing every problem when any is an error.
 */
export { checkVendors } from './check';
export type { CheckOptions, CheckResult } from './check';

/** Loads and validates one org values file. Problems come back listed; nothing throws for bad values. */
export { loadOrgValues } from './values';
export type { OrgValues, VendorValues } from './values';

/**
 * Certificates for the JWT bearer flow: generate a key pair and self-signed certificate (key 0600,
 * never inside force-app/), inspect one. Throw named certificate errors (e.g. CertificateExtraContent).
 */
export { generateCertificateFiles, inspectCertificateFile } from './certificate';
export type { CertificateReport } from './certificate';

/** What a deploy would change in each org, value by value. Reads the orgs; changes nothing. */
export { planOrgs } from './org/plan';
export type { OrgPlan, PlanResult } from './org/plan';

/**
 * Takes each org to what the vendor guides describe (or validates with dryRun). Offline checks run
 * first and throw CheckFailedError before any org is contacted; each org's outcome is reported.
 */
export { deployOrgs } from './org/apply';
export type { DeployOrgsOptions, DeployOrgsResult } from './org/apply';

/** Reads back every intended setting in each org; with a private key, logs in by JWT bearer. */
export { verifyOrgs } from './org/verify';
export type { VerifyOptions, VerifyResult } from './org/verify';

/** Writes a source-format folder holding exactly what deploy would send to one org. Reads the org. */
export { stageOrg } from './stage';
export type { StageOptions, StageResult } from './stage';

/** After onboarding: the kill switch and its undo, clean removal, and what the vendor did. */
export { activityOrgs, offboardOrgs, resumeOrgs, suspendOrgs } from './lifecycle';
export type { LifecycleOptions, LifecycleResult } from './lifecycle';

/** Records, read-only, the org facts the product depends on as a simulator shape. */
export { runProbe } from './probe';
export type { ProbeOptions, ProbeResult } from './probe';

/** The permission review (Markdown or JSON) of the project, and its diff against a git revision. */
export { reviewProject } from './review';

/** Exit codes shared with `sf project deploy`: 0 ok, 1 failed, 68 partial, 69 still running or unknown. */
export { EXIT_CODES } from './output';
export type { ExitCode } from './output';

/** Runs the CLI on argv and returns its exit code (never exits the process). */
export { main } from './cli';

/** Every command, its flags, arguments and examples as data: what the sf plugin declares to oclif. */
export { describeCommands } from './commands';
export type { CommandDescription, FlagDescription } from './commands';
