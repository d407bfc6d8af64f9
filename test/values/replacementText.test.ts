import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { replacementIterations, stringToRegex } from '@salesforce/source-deploy-retrieve/lib/src/convert/replacements';
import { replacementTextFor } from '../../src/values/replacementText';

/**
 * The staging rule against SDR's own replacement function (the one `sf project deploy start`
 * runs): whatever the value, the element parses back to exactly that value. If SDR ever stops
 * treating the replacement as a String.replace pattern, this fails and the `$` doubling must go.
 */
const TEMPLATE =
  '<Root xmlns="http://soap.sforce.com/2006/04/metadata">\n    <value>__VALUE__</value>\n    <after>kept</after>\n</Root>\n';
const parser = new XMLParser({ parseTagValue: false, trimValues: false });

const render = async (value: string): Promise<string> =>
  (
    await replacementIterations(TEMPLATE, [
      {
        matchedFilename: 'x',
        singleFile: true,
        toReplace: stringToRegex('__VALUE__'),
        replaceWith: replacementTextFor(value),
      },
    ])
  ).output;

describe('replacementTextFor through SDR replacementIterations', () => {
  it.each([
    '$&',
    '$`',
    "$'",
    '$$',
    '$$$',
    '$1',
    '$<name>',
    "a$`b$'c$&d$$e",
    '</value><after>injected</after><value>',
    '& &amp; < > " \'',
    '$&lt;',
    'plain',
  ])('%s comes out literally', async (value) => {
    const xml = await render(value);
    expect(XMLValidator.validate(xml)).toBe(true);
    const root = (parser.parse(xml) as { Root: { value: string; after: string } }).Root;
    expect(root.value).toBe(value);
    expect(root.after).toBe('kept');
  });

  it('unescaped, the same values would be rewritten (the defect this guards against)', async () => {
    const raw = (
      await replacementIterations(TEMPLATE, [
        { matchedFilename: 'x', singleFile: true, toReplace: stringToRegex('__VALUE__'), replaceWith: 'a$&b' },
      ])
    ).output;
    expect(raw).toContain('<value>a__VALUE__b</value>');
  });
});
