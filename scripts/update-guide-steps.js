#!/usr/bin/env node
'use strict';
// Rewrites the guide-step table in docs/guide-steps.md from force-app/*/vendor.json (run after `npm run build`).
const fs = require('node:fs');
const path = require('node:path');
const { loadVendors } = require('../lib/catalogue');
const { renderGuideStepTable } = require('../lib/catalogue/guideStepTable');

const root = path.join(__dirname, '..');
const page = path.join(root, 'docs', 'guide-steps.md');
const text = fs.readFileSync(page, 'utf8');
const start = '<!-- guide-steps:start -->';
const end = '<!-- guide-steps:end -->';
const [before, rest] = text.split(start);
const after = rest.split(end)[1];
const table = renderGuideStepTable(loadVendors(root).vendors);
fs.writeFileSync(page, `${before}${start}\n${table}${end}${after}`);
process.stdout.write('docs/guide-steps.md guide-step table updated\n');
