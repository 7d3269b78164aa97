#!/usr/bin/env node
import { main } from './main.js'

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`内部错误 / internal error: ${String(error)}\n`)
    process.exitCode = 3
  },
)
