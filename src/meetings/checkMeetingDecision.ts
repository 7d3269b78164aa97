/**
 * Checks a recorded joint-meeting decision against the collective-consultation procedure (seq 22-26):
 * validates the record, derives the facts, runs the procedure's checks on json-rules-engine, and returns
 * the findings with the article items they rest on.
 */
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { resolveCitation } from '../ruleset/citations.js'
import type { Citation } from '../ruleset/types.js'
import type { MeetingsRuleSet as RuleSet } from './types.js'
import { createConditionEvaluator, type Evaluator } from '../conditions/referenceEngine.js'
import { evidenceOf, explainCondition } from '../conditions/evaluate.js'
import { deriveMeetingFacts } from './deriveMeetingFacts.js'
import { interpolate } from './interpolate.js'
import type { MeetingFacts } from './facts.js'
import type { MeetingRecordInput } from './recordInput.js'
import type { MeetingCheckResult, MeetingFinding, MeetingProcedure } from './types.js'
import { validateMeetingRecord } from './validateMeetingRecord.js'

export type MeetingChecker = (record: MeetingRecordInput) => Promise<MeetingCheckResult>

const comparePaths = (a: readonly (string | number)[] = [], b: readonly (string | number)[] = []) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!, y = b[i]!
    if (x === y) continue
    if (typeof x === 'number' && typeof y === 'number') return x - y
    return String(x) < String(y) ? -1 : 1
  }
  return a.length - b.length
}

function missingProcedure(): XiaobaoError {
  return new XiaobaoError([
    {
      code: 'missing_file',
      severity: 'error',
      message: '规则集中没有联席会议程序文件（kind: procedure, procedure: joint-meeting），无法检查会议决定。',
      messageEn: 'the rule set has no joint-meeting procedure file (kind: procedure, procedure: joint-meeting), so meeting decisions cannot be checked.',
    },
  ])
}

/** The findings for facts whose checks fired, in the order of the checks, then by path. */
export function findingsOf(ruleSet: RuleSet, procedure: MeetingProcedure, facts: MeetingFacts, fired: ReadonlySet<string>): MeetingFinding[] {
  const findings: MeetingFinding[] = []
  for (const check of procedure.checks) {
    if (!fired.has(check.code)) continue
    const basis = check.cites.map((c) => resolveCitation(ruleSet, c)).filter((c): c is Citation => c !== undefined)
    const evidence = evidenceOf(explainCondition(check.when, facts, () => undefined)).facts
    const positions: (number | undefined)[] = check.each ? facts[check.each] : [undefined]
    const own: MeetingFinding[] = positions.map((position) => ({
      code: check.code,
      severity: check.severity,
      basis,
      message: interpolate(check.message.zh, facts, position),
      messageEn: interpolate(check.message.en, facts, position),
      path: check.path.map((k) => (k === '*' && position !== undefined ? position : k)),
      facts: evidence,
      at: check.at,
    }))
    findings.push(...own.sort((a, b) => comparePaths(a.path, b.path)))
  }
  return findings
}

/**
 * Binds a rule set's joint-meeting procedure to a json-rules-engine evaluator, once.
 * @example
 * const check = createMeetingChecker(defaultRuleSet())
 * const { compliant, findings } = await check(record)
 */
export function createMeetingChecker(ruleSet: RuleSet): MeetingChecker {
  let evaluate: Evaluator | undefined
  return async (input) => {
    const procedure = ruleSet.meetingProcedure
    if (!procedure) throw missingProcedure()
    const record = validateMeetingRecord(input)
    const params = Object.fromEntries(Object.entries(procedure.params).map(([name, p]) => [name, p.value]))
    const facts = deriveMeetingFacts(record, params)
    evaluate ??= createConditionEvaluator(procedure.checks.map((c) => ({ id: c.code, when: c.when })), () => undefined)
    const fired = await evaluate(facts)
    const findings = findingsOf(ruleSet, procedure, facts, fired)
    return { compliant: !findings.some((f) => f.severity === 'violation'), findings, ruleSet: { ...ruleSet.provenance } }
  }
}
