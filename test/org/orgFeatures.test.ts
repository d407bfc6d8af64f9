import { run, useSimulatedOrg } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';

const VALUES = ['--values', 'config/orgs/example.json'];
const GAP = 'without: reco: this org has no Event Monitoring (Salesforce Shield or the Event Monitoring add-on).';

describe('Reco in an org without Event Monitoring: what exists is deployed, the rest is named', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('noshield', () => ({ shape: 'enterprise' }));

  it('deploys both vendors, leaving out only what the org lacks, and says so in the report and the handoff', async () => {
    const eventBefore = sim().state.components.get('Settings:Event')?.xml;
    const realTimeBefore = sim().state.components.get('Settings:RealTimeEvent')?.xml;
    const { code, out } = await run('deploy', '-o', 'noshield', ...VALUES);
    expect(code).toBe(0);
    expect(out).toMatch(/noshield \(.*\): SUCCEEDED/);
    expect(out).toContain(GAP);
    expect(out).toContain(
      'Left out: permission ViewEventLogFiles, permission ViewPlatformEvents, permission ViewDataLeakageEvents, object permissions on ApiAnomalyEventStore, object permissions on GuestUserAnomalyEventStore, object permissions on ReportAnomalyEventStore, object permissions on SessionHijackingEventStore, Event settings, Event Manager streaming and storage (the org offers no real-time event).'
    );
    expect(out).toContain('limit (reco): This org has no Event Monitoring');
    const reco = sim().state.components.get('PermissionSet:Reco_Integration')?.xml ?? '';
    expect(reco).toContain('<name>ViewSetup</name>');
    expect(reco).not.toContain('ViewEventLogFiles');
    expect(reco).not.toContain('<objectPermissions>');
    // The org's Event settings were not sent: nothing the org cannot take reaches it.
    expect(sim().state.components.get('Settings:Event')?.xml).toBe(eventBefore);
    // The org's Event Manager (which offers no entity here) was not sent either.
    expect(sim().state.components.get('Settings:RealTimeEvent')?.xml).toBe(realTimeBefore);
    expect(sim().requests.flatMap((r) => r.members ?? [])).not.toContain('Settings:RealTimeEvent');
  });

  it('plan and --json name the same gap; after deploy plan is in sync and verify passes with a warning', async () => {
    const plan = await run('plan', '-o', 'noshield', ...VALUES, '--json');
    expect(plan.code).toBe(0);
    const gaps = (
      plan.json() as {
        result: { orgs: Array<{ featureGaps: Array<{ vendor: string; feature: string; leftOut: string[] }> }> };
      }
    ).result.orgs[0]?.featureGaps;
    expect(gaps).toEqual([
      expect.objectContaining({
        vendor: 'reco',
        feature: 'eventMonitoring',
        leftOut: expect.arrayContaining(['permission ViewEventLogFiles', 'Event settings']),
      }),
    ]);
    expect((await run('deploy', '-o', 'noshield', ...VALUES)).code).toBe(0);
    const again = await run('plan', '-o', 'noshield', ...VALUES);
    expect(again.out).toContain('noshield: in sync, a deploy would change nothing');
    expect(again.out).toContain(GAP);
    const verify = await run('verify', '-o', 'noshield', ...VALUES);
    expect(verify.code).toBe(0);
    expect(verify.out).toContain('noshield: VERIFIED');
    expect(verify.out).toContain(`warn ${GAP.replace('without: ', '')}`);
  });
});

const OFFERED = ['ApiEvent', 'FileEventStore', 'LoginEventStream'];
const realTimeEvents = (enabled: boolean): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<RealTimeEventSettings xmlns="http://soap.sforce.com/2006/04/metadata">\n${OFFERED.map(
    (e) =>
      `    <realTimeEvents>\n        <entityName>${e}</entityName>\n        <isEnabled>${String(
        enabled
      )}</isEnabled>\n    </realTimeEvents>\n`
  ).join('')}</RealTimeEventSettings>\n`;

describe('Reco in an org with Event Monitoring: nothing is left out', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('shield', () => ({
    shape: 'enterprise-shield',
    seed: {
      components: [
        {
          type: 'Settings',
          fullName: 'RealTimeEvent',
          path: 'settings/RealTimeEvent.settings',
          xml: realTimeEvents(false),
        },
      ],
    },
  }));

  it('turns on Event Manager for exactly the events the org lists, not a fixed list', async () => {
    const { code } = await run('deploy', '-o', 'shield', ...VALUES, '--vendor', 'reco');
    expect(code).toBe(0);
    const held = sim().state.components.get('Settings:RealTimeEvent')?.xml ?? '';
    expect(held).toBe(realTimeEvents(true));
  });

  it('deploys the event permissions, the event stores and the Event settings', async () => {
    const { code, out } = await run('deploy', '-o', 'shield', ...VALUES, '--vendor', 'reco');
    expect(code).toBe(0);
    expect(out).not.toContain('without:');
    expect(sim().state.components.get('PermissionSet:Reco_Integration')?.xml).toContain(
      '<object>ApiAnomalyEventStore</object>'
    );
    expect(sim().state.components.get('Settings:Event')?.xml).toContain(
      '<enableEventLogWaveIntegration>true</enableEventLogWaveIntegration>'
    );
  });
});
