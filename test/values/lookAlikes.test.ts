import { checkVendors } from '../../src/check';
import { copyProject, removeProject, setJson } from '../helpers/projectCopy';

const VALUES = 'config/orgs/example.json';

describe('values a person cannot tell apart are warned about, naming the code points', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyProject();
  });
  afterEach(() => removeProject(dir));
  const check = async (): ReturnType<typeof checkVendors> =>
    checkVendors({ projectDir: dir, vendors: ['all'], valuesFile: VALUES, env: {} });
  const warningsOn = async (field: string): Promise<Array<{ code: string; message: string }>> =>
    (await check()).problems
      .filter((p) => p.field === field && p.severity === 'warning')
      .map((p) => ({ code: p.code, message: p.message }));

  it.each([
    ['U+202E (right-to-left override)', 'ispm.integration\u202E@example.com', 'U+202E'],
    ['U+200B (zero-width space)', 'ispm.integr\u200Bation@example.com', 'U+200B'],
  ])('%s in a username', async (_what, value, code) => {
    setJson(dir, VALUES, 'vendors.ispm.integrationUsername', value);
    expect(await warningsOn('vendors.ispm.integrationUsername')).toEqual([
      {
        code: 'AddressInvisibleCharacter',
        message: `holds characters a reader cannot see or that reorder the text: ${code}`,
      },
    ]);
  });

  it('a Cyrillic look-alike in a username', async () => {
    setJson(dir, VALUES, 'vendors.ispm.integrationUsername', 'ispm.integr\u0430tion@example.com');
    expect(await warningsOn('vendors.ispm.integrationUsername')).toEqual([
      {
        code: 'AddressNonAscii',
        message: 'holds non-ASCII characters, some of which can look exactly like ASCII letters: U+0430 \u0430',
      },
    ]);
  });

  it('two vendors whose usernames differ only in Unicode form (NFC and NFD)', async () => {
    setJson(dir, VALUES, 'vendors.ispm.integrationUsername', 'jos\u00e9@example.com');
    setJson(dir, VALUES, 'vendors.reco.integrationUsername', 'jose\u0301@example.com');
    const warnings = await warningsOn('vendors.reco.integrationUsername');
    expect(warnings).toContainEqual({
      code: 'UsernamesLookAlike',
      message:
        'is written differently from vendors.ispm.integrationUsername but reads the same (Unicode normalisation, NFKC): a person cannot tell the two users apart',
    });
  });

  it('an ESC is no warning but an error: XML cannot hold it', async () => {
    setJson(dir, VALUES, 'vendors.ispm.integrationUsername', 'ispm\u001b[31m@example.com');
    const result = await check();
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'ValueNotXmlCharacter', field: 'vendors.ispm.integrationUsername' })
    );
  });
});
