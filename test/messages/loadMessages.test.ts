import fs from 'node:fs';
import path from 'node:path';
import { Messages } from '@salesforce/core';
import { loadMessages } from '../../src/messages/loadMessages';

// loadMessages replaces core's Messages so light commands need not load core; it must read every
// bundle exactly as core does, or help texts and error names would drift.
Messages.importMessagesDirectory(path.join(__dirname, '..', '..', 'src'));
const BUNDLES = fs
  .readdirSync(path.join(__dirname, '..', '..', 'messages'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''));
const keysOf = (bundle: string): string[] =>
  fs
    .readFileSync(path.join(__dirname, '..', '..', 'messages', `${bundle}.md`), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('# '))
    .map((line) => line.slice(2).trim());

describe('loadMessages reads messages/*.md as @salesforce/core does', () => {
  it('covers every bundle', () => {
    expect(BUNDLES).toEqual(
      expect.arrayContaining(['cli', 'certificate', 'check', 'deploy', 'org', 'review', 'values'])
    );
  });

  it.each(BUNDLES)('%s: every key gives the same messages, tokens filled the same way', (bundle) => {
    const core = Messages.loadMessages('vendor-access', bundle);
    const ours = loadMessages(bundle);
    const tokens = ['<one>', 2, '<three>', '<four>', '<five>'];
    for (const key of keysOf(bundle)) {
      expect({ key, value: ours.getMessages(key, tokens) }).toEqual({ key, value: core.getMessages(key, tokens) });
      expect({ key, value: ours.getMessage(key) }).toEqual({ key, value: core.getMessage(key) });
    }
  });

  it.each(BUNDLES)('%s: errors and warnings get core’s names and actions', (bundle) => {
    const core = Messages.loadMessages('vendor-access', bundle);
    const ours = loadMessages(bundle);
    for (const key of keysOf(bundle).filter((k) => /^error\.[^.]+$/.test(k))) {
      const a = ours.createError(key, ['x', 'y', 'z']);
      const b = core.createError(key, ['x', 'y', 'z']);
      expect({ name: a.name, message: a.message, actions: a.actions }).toEqual({
        name: b.name,
        message: b.message,
        actions: b.actions,
      });
    }
    for (const key of keysOf(bundle).filter((k) => /^warning\.[^.]+$/.test(k))) {
      expect(ours.createWarning(key, ['x'])).toEqual(core.createWarning(key, ['x']));
    }
  });

  it('names a missing key the way core does', () => {
    expect(() => loadMessages('cli').getMessage('no.such.key')).toThrow(
      expect.objectContaining({ name: 'MissingMessageError' })
    );
  });
});
