#!/usr/bin/env node
import { vizviewerMain } from '../dist/cli/vizviewer/main.js';

await vizviewerMain(process.argv.slice(2));
