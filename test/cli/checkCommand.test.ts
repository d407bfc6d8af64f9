import fs from 'node:fs';
import path from 'node:path';
import { loadVendors } from '../../src/catalogue';
import { main } from '../../src/cli';
import { recordingIo } from '../../src/output/io';
import { setJson } from '../helpers/projectCopy';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';

describe('vendor-access check (CLI)', () => {
  const project = useProjectCopyAsCwd();

  it('passes on the example values, exit 0, and names what it wrote', async () => {
    const io = recordingIo();
    expect(await main(['check', '--values', 'config/orgs/example.json'], io)).toBe(0);
    const out = io.out.join('\n');
    const names = loadVendors(project()).vendors.map((v) => v.name);
    expect(names.slice(0, 2)).toEqual(['ispm', 'reco']);
    expect(out).toContain(`check passed: ${names.join(', ')} with config/orgs/example.json`);
    expect(out).toContain('package  out/ispm/ispm.zip (8 components, replacements applied)');
    expect(out).toContain('review   out/reco/review.md');
  });

  it('lists every problem at once in the sf error layout, exit 1, no stack trace', async () => {
    setJson(project(), 'config/orgs/example.json', 'vendors.ispm.contactEmail', 'nobody');
    setJson(project(), 'config/orgs/example.json', 'vendors.reco.trustedRanges', ['10.0.0.0/6']);
    const io = recordingIo();
    expect(await main(['check'], io)).toBe(1);
    const err = io.err.join('\n');
    expect(err).toContain('Error (CheckFailedError): 2 error(s) found; nothing was written:');
    expect(err).toContain(
      'ERROR config/orgs/example.json [vendors.ispm.contactEmail]: "nobody" is not an email address\n    Fix: Write an email address such as name@example.com.'
    );
    expect(err).toContain(
      'ERROR config/orgs/example.json [vendors.reco.trustedRanges[0]]: 10.0.0.0/6 has host bits set; the block starts at 8.0.0.0'
    );
    expect(err).toContain('Try this:');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('gives machines the problems in the --json envelope', async () => {
    setJson(project(), 'config/orgs/example.json', 'vendors.ispm.contactEmail', undefined);
    const io = recordingIo();
    expect(await main(['check', '--vendor', 'ispm', '--json'], io)).toBe(1);
    const envelope = JSON.parse(io.out.join('')) as { status: number; name: string; data: { problems: unknown[] } };
    expect(envelope).toMatchObject({ status: 1, name: 'CheckFailedError' });
    expect(envelope.data.problems).toEqual([
      {
        code: 'RequiredOverridableValueMissing',
        severity: 'error',
        file: 'config/orgs/example.json',
        field: 'vendors.ispm.contactEmail',
        message: 'is required: Contact Email of the External Client App.',
        fix: 'Set "contactEmail" under vendors.ispm, or the environment variable ISPM_CONTACT_EMAIL.',
      },
    ]);
  });

  it('lets an environment variable override the values file', async () => {
    process.env.ISPM_CONTACT_EMAIL = 'override@example.com';
    try {
      const io = recordingIo();
      expect(await main(['check', '--vendor', 'ispm', '--json'], io)).toBe(0);
      expect(JSON.parse(io.out.join(''))).toMatchObject({ status: 0, result: { ok: true } });
      const eca = fs.readFileSync(
        path.join(project(), 'out/ispm/metadata/externalClientApps/ISPM_SFDC_Integration.eca'),
        'utf8'
      );
      expect(eca).toContain('<contactEmail>override@example.com</contactEmail>');
    } finally {
      delete process.env.ISPM_CONTACT_EMAIL;
    }
  });

  it('rejects an unknown flag as a usage error', async () => {
    const io = recordingIo();
    expect(await main(['check', '--valuse', 'x.json'], io)).toBe(1);
    expect(io.err.join('\n')).toContain('Error (UsageError): Unknown argument: valuse');
  });

  it('fails clearly outside a project', async () => {
    process.chdir(path.parse(project()).root);
    const io = recordingIo();
    expect(await main(['check'], io)).toBe(1);
    expect(io.err.join('\n')).toMatch(
      /Error \(NotInProjectError\): No sfdx-project.json in \/ or any folder above it\./
    );
  });

  it('warns, and still passes, when the certificate expires within --cert-warn-days', async () => {
    const io = recordingIo();
    expect(await main(['check', '--vendor', 'ispm', '--cert-warn-days', '100000'], io)).toBe(0);
    expect(io.out.join('\n')).toMatch(
      /WARNING config\/orgs\/example.json \[vendors.ispm.serverCertificate\]: config\/certs\/example-ispm-server.crt expires on 2036-11-19 22:37 UTC: \d+ days left \(warning from 100000 days\)/
    );
  });

  it.each(['abc', '-1', '2.5', ''])('refuses --cert-warn-days %p by name instead of never warning', async (days) => {
    const io = recordingIo();
    expect(await main(['check', '--vendor', 'ispm', `--cert-warn-days=${days}`], io)).toBe(1);
    expect(io.err.join('\n')).toContain(
      `Error (BadDaysError): --cert-warn-days "${days}" is not a whole number of days from 0 to 100000.`
    );
  });
});
