/**
 * Scenario health: tests that contradict each other, repeat each other, or expect a section the rule
 * set does not have. A broken test suite hides broken rules.
 */
import { complaintInput } from '../routing/complaintInput.js'
import type { MeetingScenarioRecord } from '../meetings/types.js'
import type { RuleSet } from '../capabilities.js'
import type { ScenarioRecord } from '../routing/ruleSet.js'
import type { SourceLocation } from '../ruleset/types.js'
import { finding } from './findings.js'
import type { Finding } from './types.js'

/** JSON with sorted keys, so two inputs written in a different order compare equal. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

// Expectation fields compared as sets (order does not matter to the scenario runner).
const SET_FIELDS = new Set(['assist', 'findings'])

function expectationValue(key: string, value: unknown): string {
  return SET_FIELDS.has(key) && Array.isArray(value) ? canonical([...value].map(String).sort()) : canonical(value)
}

interface Named {
  name: string
  input: unknown
  expect: Record<string, unknown>
  at: SourceLocation
}

function sameInput(scenarios: readonly Named[], label: string, labelEn: string): Finding[] {
  const groups = new Map<string, Named[]>()
  for (const s of scenarios) {
    // The caller's id is only echoed back; it does not change the decision.
    const { id: _id, ...input } = (s.input ?? {}) as Record<string, unknown>
    const key = canonical(input)
    groups.set(key, [...(groups.get(key) ?? []), s])
  }
  const findings: Finding[] = []
  for (const group of groups.values()) {
    if (group.length < 2) continue
    const [first, ...rest] = group as [Named, ...Named[]]
    for (const other of rest) {
      const conflicts = Object.keys(first.expect).filter((k) => k in other.expect && expectationValue(k, first.expect[k]) !== expectationValue(k, other.expect[k]))
      if (conflicts.length > 0) {
        const shown = conflicts.map((k) => `${k}: ${canonical(first.expect[k])} ≠ ${canonical(other.expect[k])}`).join('；')
        findings.push(
          finding(
            'scenario_conflict',
            'error',
            `${label}「${first.name}」与「${other.name}」的输入相同，期望却相互矛盾（${shown}），二者不可能同时通过。请改正其中一个的期望，或把输入改得真正不同。`,
            `${labelEn} "${first.name}" and "${other.name}" have the same input but contradictory expectations (${conflicts.join(', ')}); both cannot pass. Fix one expectation, or make the inputs differ.`,
            [first.at, other.at],
          ),
        )
      } else if (canonical(first.expect) === canonical(other.expect)) {
        findings.push(
          finding(
            'scenario_duplicate',
            'info',
            `${label}「${other.name}」与「${first.name}」的输入和期望完全相同，重复了。可以删除一个。`,
            `${labelEn} "${other.name}" repeats "${first.name}" (same input and expectation). One can go.`,
            [other.at, first.at],
          ),
        )
      }
    }
  }
  return findings
}

/** Routing scenarios whose expectation names a section that has no section file. */
function unknownSections(ruleSet: RuleSet, scenarios: readonly ScenarioRecord[]): Finding[] {
  const findings: Finding[] = []
  for (const s of scenarios) {
    const e = s.expect
    const named = [
      ...(e.lead ? [['lead', e.lead] as const] : []),
      ...(e.intake ? [['intake', e.intake] as const] : []),
      ...(e.assist ?? []).map((id) => ['assist', id] as const),
      ...(e.assistIncludes ?? []).map((id) => ['assistIncludes', id] as const),
    ]
    const missing = named.filter(([, id]) => !ruleSet.sections[id])
    if (missing.length === 0) continue
    const known = Object.keys(ruleSet.sections)
    findings.push(
      finding(
        'scenario_unknown_section',
        'error',
        `测试场景「${s.name}」期望的股室 ${missing.map(([k, id]) => `${k}: ${id}`).join('、')} 没有股室文件，这个场景不可能通过。已有股室：${known.join('、')}。请改正股室编号，或先在 rules/sections/ 加该股室的文件。`,
        `scenario "${s.name}" expects ${missing.map(([k, id]) => `${k}: ${id}`).join(', ')}, which has no section file, so it can never pass. Known sections: ${known.join(', ')}.`,
        [s.at],
      ),
    )
  }
  return findings
}

export function scenarioHealth(ruleSet: RuleSet, scenarios: readonly ScenarioRecord[], meetingScenarios: readonly MeetingScenarioRecord[]): Finding[] {
  return [
    // Defaults applied (channel), so an input that spells out a default equals one that leaves it out.
    ...sameInput(
      scenarios.map((s) => {
        const parsed = complaintInput.safeParse(s.input)
        return { ...s, input: parsed.success ? parsed.data : s.input } as unknown as Named
      }),
      '测试场景',
      'scenario',
    ),
    ...sameInput(meetingScenarios as unknown as Named[], '会议测试场景', 'meeting scenario'),
    ...unknownSections(ruleSet, scenarios),
  ]
}
