/**
 * Shared helpers for tests: the small valid base rule set under test/fixtures/base.
 */
import { readFileSync } from 'node:fs'
import { readRuleFiles } from '../src/node/readRuleFiles.js'
import type { RuleFileText } from '../src/ruleset/parseRuleSet.js'

export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname
export const RULES_DIR = new URL('../rules/', import.meta.url).pathname

/** A file of the shipped rules/ folder, as text (for tests beside the core, which import no node: module). */
export function shippedRuleText(path: string): string {
  return readFileSync(RULES_DIR + path, 'utf8')
}

export function baseFiles(): Promise<RuleFileText[]> {
  return readRuleFiles(FIXTURES + 'base')
}

/** Runs the CLI in-process with captured streams, from the repository root. */
export async function runCli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const { PassThrough, Readable } = await import('node:stream')
  const { main } = await import('../src/cli/main.js')
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (c) => (out += c))
  stderr.on('data', (c) => (err += c))
  // env: {} — no FORCE_COLOR from the surrounding shell or CI: captured output is never coloured.
  const code = await main(args, { stdout, stderr, stdin: Readable.from([stdin]), cwd: new URL('..', import.meta.url).pathname, env: {} })
  return { code, out, err }
}
