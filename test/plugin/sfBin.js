#!/usr/bin/env node
'use strict';
// What the Salesforce CLI's own bin does (oclif's execute), with this repository's plugin as the CLI:
// `node test/plugin/sfBin.js vendor-access check …` runs the plugin's command through oclif's runner.
// A child process, because oclif loads an ES module (wsl-utils) that jest's CommonJS sandbox cannot.
const path = require('node:path');
const { execute } = require('@oclif/core');

execute({ dir: path.join(__dirname, '..', '..', 'plugin', 'package.json'), args: process.argv.slice(2) });
