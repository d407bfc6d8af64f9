import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli';
import { recordingIo } from '../../src/output/io';
import { setJson } from '../helpers/projectCopy';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';

describe('vendor-access env', () => {
  const project = useProjectCopyAsCwd();

  it('prints only shell exports on stdout and stages the certificate the replacement reads', async () => {
    const io = recordingIo();
    expect(await main(['env', '--values', 'config/orgs/example.json'], io)).toBe(0);
    expect(io.out).toEqual(["export ISPM_CONTACT_EMAIL='security-team@example.com'"]);
    expect(io.err).toEqual(['staged out/replacements/ispm/server.crt for the replaceWithFile replacement']);
    expect(fs.readFileSync(path.join(project(), 'out/replacements/ispm/server.crt'), 'utf8')).toBe(
      fs.readFileSync(path.join(project(), 'config/certs/example-ispm-server.crt'), 'utf8')
    );
    expect(process.env.ISPM_CONTACT_EMAIL).toBeUndefined();
  });

  it('refuses an XML-unsafe value and stages nothing', async () => {
    setJson(project(), 'config/orgs/example.json', 'vendors.ispm.contactEmail', "o'brien@example.com");
    const io = recordingIo();
    // An apostrophe is XML-special, so the values check refuses it before any shell sees it.
    expect(await main(['env', '--vendor', 'ispm', '--values', 'config/orgs/example.json'], io)).toBe(1);
    expect(io.err.join('\n')).toContain('Error (InvalidValuesError): 1 error(s) in the values; nothing was staged:');
    expect(fs.existsSync(path.join(project(), 'out'))).toBe(false);
  });

  it('warns that a raw deploy does not apply hardened mode', async () => {
    setJson(project(), 'config/orgs/example.json', 'vendors.ispm.hardening', { restrictLoginToVendorRanges: true });
    const io = recordingIo();
    expect(await main(['env', '--vendor', 'ispm', '--values', 'config/orgs/example.json'], io)).toBe(0);
    expect(io.err.join('\n')).toContain('hardened mode is not applied by a raw sf project deploy');
  });

  it('refuses a value holding $: a raw sf deploy would read it as a String.replace pattern', async () => {
    setJson(project(), 'config/orgs/example.json', 'vendors.ispm.contactEmail', 'sec$`ops@example.com');
    const io = recordingIo();
    expect(await main(['env', '--vendor', 'ispm', '--values', 'config/orgs/example.json'], io)).toBe(1);
    expect(io.err.join('\n')).toContain(
      'ERROR config/orgs/example.json [vendors.ispm.contactEmail]: holds $ or an XML-special character, which a raw sf deploy would read as a pattern or markup through ISPM_CONTACT_EMAIL'
    );
    expect(io.out).toEqual([]);
    expect(fs.existsSync(path.join(project(), 'out'))).toBe(false);
  });

  it('requires --values', async () => {
    const io = recordingIo();
    expect(await main(['env'], io)).toBe(1);
    expect(io.err.join('\n')).toContain('Error (UsageError): Missing required argument: values');
  });
});
