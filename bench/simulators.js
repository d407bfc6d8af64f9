'use strict';
// Simulated orgs in child processes (simulatorHost.js), so that a bench's figures are the CLI's
// alone (issue 24). Orgs are spread round-robin over HOSTS children; each org is logged in under
// the given HOME with an alias, one host after another (one alias file).
const { fork } = require('node:child_process');
const path = require('node:path');

const HOSTS = Number(process.env.BENCH_SIMULATOR_HOSTS ?? 2);

const startHost = (env) =>
  new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'simulatorHost.js'), [], {
      env,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const pending = new Map();
    let next = 0;
    child.on('message', (m) => {
      if (m.ready) {
        resolve({
          call: (cmd, args) =>
            new Promise((ok, fail) => {
              const id = next++;
              pending.set(id, { ok, fail });
              child.send({ id, cmd, args });
            }),
          close: () => child.disconnect(),
        });
        return;
      }
      const waiting = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) waiting.fail(new Error(m.error));
      else waiting.ok(m.result);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      for (const { fail } of pending.values()) fail(new Error(`simulator host exited ${code}`));
      reject(new Error(`simulator host exited ${code}`));
    });
  });

/**
 * Starts the hosts once per bench; `fleet(orgs)` then starts orgs ([{ alias, options }]) across
 * them and returns the aliases, a `trips()` that returns (and resets) the requests they received,
 * `faults(plan)` and `stop()`.
 */
const startSimulators = async (env) => {
  const hosts = await Promise.all(Array.from({ length: HOSTS }, () => startHost(env)));
  const fleet = async (orgs) => {
    const parts = hosts.map((_, h) => orgs.filter((__, i) => i % hosts.length === h));
    await Promise.all(parts.map((p, h) => (p.length ? hosts[h].call('start', { orgs: p }) : undefined)));
    // eslint-disable-next-line no-await-in-loop -- one alias file: one host after another
    for (const [h, p] of parts.entries())
      if (p.length) await hosts[h].call('login', { aliases: p.map((o) => o.alias) });
    const each = (cmd, args = {}) =>
      Promise.all(
        parts.map((p, h) => (p.length ? hosts[h].call(cmd, { ...args, aliases: p.map((o) => o.alias) }) : undefined))
      );
    return {
      aliases: orgs.map((o) => o.alias),
      faults: (plan) => each('faults', { plan }),
      trips: async () => {
        const counts = (await each('trips')).filter(Boolean);
        const byKind = {};
        for (const c of counts) for (const [k, n] of Object.entries(c.byKind)) byKind[k] = (byKind[k] ?? 0) + n;
        return { total: counts.reduce((n, c) => n + c.total, 0), byKind };
      },
      stop: () => each('stop'),
    };
  };
  return { fleet, close: () => hosts.forEach((h) => h.close()) };
};

module.exports = { startSimulators };
