#!/usr/bin/env node
import { main } from './main.js'

// The reader went away (`xiaobao route … | head -1`): nothing more to say, and not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
}

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`内部错误 / internal error: ${String(error)}\n`)
    process.exitCode = 3
  },
)
