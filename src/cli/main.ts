#!/usr/bin/env node
import { buildProgram } from './build-program.js';

await buildProgram().parseAsync(process.argv);
