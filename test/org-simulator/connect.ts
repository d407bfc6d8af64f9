import { AuthInfo, Connection, StateAggregator } from '@salesforce/core';
import type { OrgSimulator } from './index';

/** A Connection with the token as the "username": no HTTP calls, nothing persisted (toolchain 4.1 A). */
export const connectToSimulator = async (sim: OrgSimulator): Promise<Connection> => {
  const authInfo = await AuthInfo.create({
    username: sim.accessToken,
    accessTokenOptions: { instanceUrl: sim.instanceUrl, accessToken: sim.accessToken, loginUrl: sim.instanceUrl },
  });
  return Connection.create({ authInfo, connectionOptions: { version: '64.0' } });
};

/**
 * The documented login path (AuthInfo with accessTokenOptions, saved to the sf auth store, alias
 * set), the same as `sf org login access-token --alias`: the CLI can then use `--target-org <alias>`.
 */
export const loginWithAlias = async (sim: OrgSimulator, alias: string): Promise<string> => {
  const authInfo = await AuthInfo.create({
    accessTokenOptions: { accessToken: sim.accessToken, instanceUrl: sim.instanceUrl, loginUrl: sim.instanceUrl },
  });
  await authInfo.save();
  const username = authInfo.getUsername();
  const aggregator = await StateAggregator.getInstance();
  await aggregator.aliases.setAndSave(alias, username);
  return username;
};
