/// <reference types="vite/client" />
/**
 * The real joint-meeting rule files, for tests only (read through Vite's `?raw`, so no `node:` import):
 * the procedure, its scenarios and the county regulation's articles, with a minimal config. Not part of
 * the library: nothing outside `*.test.ts` imports this module.
 */
import articles from '../../rules/articles/implementation-measures.yaml?raw'
import procedure from '../../rules/procedures/joint-meeting.yaml?raw'
import scenarios from '../../rules/tests/meetings.test.yaml?raw'
import { parse } from 'yaml'
import { parseRuleSet } from '../capabilities.js'
import { type RuleFileText } from '../ruleset/parseRuleSet.js'
import type { RuleSet } from '../capabilities.js'
import type { MeetingRecordInput } from './recordInput.js'

export const CONFIG_TEXT = `kind: config
bureau: { name: XX县市场监督管理局, county: XX县 }
fallback: { section: consumer-protection, cites: [{ seq: 22, item: 1 }] }
`

export const PROCEDURE_TEXT = procedure
export const SCENARIOS_TEXT = scenarios

/** The rule files, with the procedure (or scenarios) text replaced when given. */
export function meetingRuleFiles(options: { procedure?: string; scenarios?: string | null } = {}): RuleFileText[] {
  return [
    { path: 'config.yaml', text: CONFIG_TEXT },
    { path: 'articles/implementation-measures.yaml', text: articles },
    { path: 'procedures/joint-meeting.yaml', text: options.procedure ?? procedure },
    ...(options.scenarios === null ? [] : [{ path: 'tests/meetings.test.yaml', text: options.scenarios ?? scenarios }]),
  ]
}

/** The loaded rule set; throws with every problem when it does not load. */
export function meetingRuleSet(options: Parameters<typeof meetingRuleFiles>[0] = {}): RuleSet {
  const result = parseRuleSet(meetingRuleFiles(options))
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.file}:${i.line}:${i.col} [${i.code}] ${i.message}`).join('\n'))
  return result.value
}

/** The scenario file's compliant baseline record (a fresh copy each call). */
export function baselineRecord(): MeetingRecordInput {
  return structuredClone((parse(scenarios) as { baseline: MeetingRecordInput }).baseline)
}
