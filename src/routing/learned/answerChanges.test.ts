import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import type { ScenarioRecord } from '../ruleSet.js'
import { answerChanges, type AnsweredDecision, type Route } from './answerChanges.js'

const scenario = (line: number, text: string, expect: ScenarioRecord['expect'], extra: Partial<ScenarioRecord> = {}): ScenarioRecord =>
  ({ name: `场景${line}`, input: { id: `S-${line}`, kind: 'complaint', receivedOn: '2026-12-01', text }, expect, at: { file: extra.at?.file ?? 'tests/field/a.test.yaml', line, col: 3 }, ...extra }) as ScenarioRecord

/** A routing that reads its answer from the text (an arrow in the text wins): 「→X」 routes to X, 「拒」 rejects. */
const byText =
  (suffix: string): Route =>
  (input) => {
    const t = String(input.text)
    if (t.includes('抛')) throw new Error('invalid on purpose')
    const m = /→([a-z-]+)/.exec(t) ?? /→([a-z-]+)$/.exec(suffix)
    if (!m && (t + suffix).endsWith('拒')) return { disposition: 'reject' }
    return { disposition: 'route', lead: { id: m ? m[1]! : 'consumer-protection' } } as AnsweredDecision
  }

describe('answerChanges: which labelled answers a retrained model moves', () => {
  test('right → wrong, wrong → right and wrong → wrong are told apart; unchanged answers are not listed', () => {
    const scenarios = [
      scenario(1, '秤不准', { lead: 'metrology' }),
      scenario(2, '秤不准', { lead: 'consumer-protection' }),
      scenario(3, '秤不准', { lead: 'drugs' }),
      scenario(4, '没变→drugs', { lead: 'drugs' }),
    ]
    const changes = answerChanges(scenarios, byText(''), byText('→metrology'))
    // before: every text → consumer-protection; after: → metrology.
    expect(changes).toEqual([
      {
        file: 'tests/field/a.test.yaml',
        tuned: [
          { kind: 'wrongToRight', before: 'consumer-protection', after: 'metrology', scenario: { name: '场景1', id: 'S-1', line: 1 } },
          { kind: 'rightToWrong', before: 'consumer-protection', after: 'metrology', scenario: { name: '场景2', id: 'S-2', line: 2 } },
          { kind: 'wrongToWrong', before: 'consumer-protection', after: 'metrology', scenario: { name: '场景3', id: 'S-3', line: 3 } },
        ],
        frozen: { rightToWrong: 0, wrongToRight: 0, wrongToWrong: 0 },
      },
    ])
  })

  test('frozen scenarios are counted, never named; reject is an answer; files keep their order', () => {
    const scenarios = [
      scenario(7, '银行', { disposition: 'reject' }, { frozen: true, at: { file: 'tests/field/b.test.yaml', line: 7, col: 3 } }),
      scenario(8, '银行', { lead: 'consumer-protection' }, { frozen: true, at: { file: 'tests/field/b.test.yaml', line: 8, col: 3 } }),
      scenario(2, '银行', { disposition: 'reject' }),
    ]
    const changes = answerChanges(scenarios, byText(''), byText('拒'))
    expect(changes.map((c) => c.file)).toEqual(['tests/field/b.test.yaml', 'tests/field/a.test.yaml'])
    expect(changes[0]).toEqual({ file: 'tests/field/b.test.yaml', tuned: [], frozen: { rightToWrong: 1, wrongToRight: 1, wrongToWrong: 0 } })
    expect(JSON.stringify(changes[0])).not.toContain('场景')
    expect(changes[1]!.tuned).toEqual([{ kind: 'wrongToRight', before: 'consumer-protection', after: 'reject', scenario: { name: '场景2', id: 'S-2', line: 2 } }])
  })

  test('transfers, expected errors, texts missing and inputs either routing refuses are left out', () => {
    const scenarios = [
      scenario(1, '外县', { disposition: 'transfer', transferTo: 'YY县' } as ScenarioRecord['expect']),
      scenario(2, '坏', { error: 'invalid_input' } as ScenarioRecord['expect']),
      { ...scenario(3, '', { lead: 'metrology' }), input: { kind: 'complaint' } } as ScenarioRecord,
      scenario(4, '抛', { lead: 'metrology' }),
    ]
    expect(answerChanges(scenarios, byText(''), byText('→metrology'))).toEqual([])
  })

  test('the same routing twice changes nothing, whatever the scenarios', () => {
    const answers = fc.constantFrom('→metrology', '→drugs', '拒', '')
    fc.assert(
      fc.property(fc.array(fc.tuple(answers, fc.constantFrom('metrology', 'drugs', 'reject')), { maxLength: 20 }), (rows) => {
        const scenarios = rows.map(([t, label], i) => scenario(i + 1, t, label === 'reject' ? { disposition: 'reject' } : { lead: label }))
        return answerChanges(scenarios, byText(''), byText('')).length === 0
      }),
    )
  })
})
