/**
 * Shared helpers for tests: the small valid base rule set under test/fixtures/base.
 */
import { readRuleFiles } from '../src/node/readRuleFiles.js'
import type { RuleFileText } from '../src/ruleset/parseRuleSet.js'

export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname
export const RULES_DIR = new URL('../rules/', import.meta.url).pathname

export function baseFiles(): Promise<RuleFileText[]> {
  return readRuleFiles(FIXTURES + 'base')
}
