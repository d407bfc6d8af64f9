import fs from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');

describe('every error src/ throws is named', () => {
  it('no bare `throw new Error` (errors are SfErrors with a name and actions, from messages/)', () => {
    const files = fs
      .readdirSync(SRC, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(100);
    const bare = files.filter((f) => fs.readFileSync(path.join(SRC, f), 'utf8').includes('throw new Error('));
    expect(bare).toEqual([]);
  });
});
