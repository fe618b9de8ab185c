#!/usr/bin/env node
import { favourMainThread, main } from '../dist/bundle/main.js';

favourMainThread();
process.exitCode = await main(process.argv.slice(2));
