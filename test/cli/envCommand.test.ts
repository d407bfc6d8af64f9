import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli';
import { recordingIo } from '../../src/output/io';
import { copyProject, removeProject, setJson } from '../helpers/projectCopy';

describe('vendor-access env', () => {
  let dir: string;
  const cwd = process.cwd();
  beforeEach(() => {
    dir = copyProject();
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    removeProject(dir);
  });

  it('prints only shell exports on stdout and stages the certificate the replacement reads', async () => {
    const io = recordingIo();
    expect(await main(['env', '--values', 'config/orgs/example.json'], io)).toBe(0);
    expect(io.out).toEqual(["export ISPM_CONTACT_EMAIL='security-team@example.com'"]);
    expect(io.err).toEqual(['staged out/replacements/ispm/server.crt for the replaceWithFile replacement']);
    expect(fs.readFileSync(path.join(dir, 'out/replacements/ispm/server.crt'), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'config/certs/example-ispm-server.crt'), 'utf8'));
    expect(process.env.ISPM_CONTACT_EMAIL).toBeUndefined();
  });

  it('refuses an XML-unsafe value and stages nothing', async () => {
    setJson(dir, 'config/orgs/example.json', 'vendors.ispm.contactEmail', "o'brien@example.com");
    const io = recordingIo();
    // An apostrophe is XML-special, so the values check refuses it before any shell sees it.
    expect(await main(['env', '--vendor', 'ispm', '--values', 'config/orgs/example.json'], io)).toBe(1);
    expect(io.err.join('\n')).toContain('Error (InvalidValuesError): 1 error(s) in the values; nothing was staged:');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('requires --values', async () => {
    const io = recordingIo();
    expect(await main(['env'], io)).toBe(1);
    expect(io.err.join('\n')).toContain('Error (UsageError): Missing required argument: values');
  });
});
