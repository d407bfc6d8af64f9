'use strict';
// A child process holding simulated orgs for the benches (issue 24): the simulators' CPU and memory
// are not the CLI's, so they do not run in the process that measures. The parent (simulators.js)
// speaks to it over the IPC channel: start orgs (logged in under the parent's HOME, with aliases),
// count and reset the requests they received, stop them. The simulator is TypeScript test code,
// loaded through a transpile hook.
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

require(path.join(ROOT, 'scripts/registerTs.js')).registerTypeScript();

const { Lifecycle } = require('@salesforce/core');
const { startOrgSimulator } = require(path.join(ROOT, 'test/org-simulator/index.ts'));
const { loginWithAlias } = require(path.join(ROOT, 'test/org-simulator/connect.ts'));

Lifecycle.getInstance().onWarning(async () => {});

/** alias → simulator */
const sims = new Map();

const handlers = {
  // Starts the orgs; logs each in (sequentially: the alias file is one file) only when asked, so
  // hosts can take turns with the shared auth store.
  start: async ({ orgs }) => {
    const started = await Promise.all(orgs.map((o) => startOrgSimulator(o.options)));
    started.forEach((sim, i) => sims.set(orgs[i].alias, sim));
    return orgs.map((o) => o.alias);
  },
  login: async ({ aliases }) => {
    for (const alias of aliases) {
      // eslint-disable-next-line no-await-in-loop -- one alias file: one login after another
      await loginWithAlias(sims.get(alias), alias);
    }
    return aliases.length;
  },
  faults: async ({ aliases, plan }) => {
    for (const alias of aliases) sims.get(alias).faults.set(plan);
    return aliases.length;
  },
  // Requests received since the last call, by kind, summed over the named orgs; then forgotten.
  trips: async ({ aliases }) => {
    const byKind = {};
    let total = 0;
    for (const alias of aliases) {
      const sim = sims.get(alias);
      const counts = sim.requestCounts();
      total += counts.total;
      for (const [k, n] of Object.entries(counts.byKind)) byKind[k] = (byKind[k] ?? 0) + n;
      sim.requests.length = 0;
    }
    return { total, byKind };
  },
  stop: async ({ aliases }) => {
    await Promise.all(aliases.map((a) => sims.get(a).stop()));
    for (const a of aliases) sims.delete(a);
    return aliases.length;
  },
};

process.on('message', (message) => {
  const { id, cmd, args } = message;
  handlers[cmd](args).then(
    (result) => process.send({ id, result }),
    (err) => process.send({ id, error: String(err && err.stack ? err.stack : err) })
  );
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
