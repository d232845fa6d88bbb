#!/usr/bin/env node
import { EXIT, main } from './main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`yusuan: 内部错误 internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = EXIT.input;
  },
);
