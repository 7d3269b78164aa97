import { describe, expect, test } from 'vitest'
import { defaultRuleSet } from '../index.js'
import { completeAt, type JsonSchema } from './completions.js'
import { shippedRuleText } from '../../test/fixtures.js'

const schema = (name: string) => JSON.parse(shippedRuleText(`schemas/${name}.schema.json`)) as JsonSchema
const section = schema('section')
const ruleSet = defaultRuleSet()

/** Completions where `|` stands in the text. */
function at(text: string, context = { schema: section, ruleSet, kind: 'section' }) {
  const pos = text.indexOf('|')
  const result = completeAt(text.replace('|', ''), pos, context)
  return { from: result?.from, labels: result?.items.map((i) => i.label) ?? [] }
}

const RULE = `kind: section
id: metrology
duties:
  - item: 1
    text: x
    routing: true
rules:
  - id: metrology.scales
    role: lead
    when:
      all:
        - { fact: text, operator: containsAny, value: 计量 }
`

describe('editor completion', () => {
  test('fact: offers the routing facts, operator: the operators with what they do', () => {
    expect(at(RULE + '        - { fact: te|').labels).toContain('text')
    const ops = completeAt(RULE + '        - { fact: text, operator: con', RULE.length + 40, { schema: section, ruleSet, kind: 'section' })
    expect(ops?.items.map((i) => i.label)).toEqual(expect.arrayContaining(['containsAny', 'notContainsAny', 'equal', 'in']))
    expect(ops?.items.find((i) => i.label === 'containsAny')?.detail).toContain('关键词表')
    expect(at(RULE + '        - fact: meetingType\n          operator: |').labels).toContain('equal')
  })

  test('value: after containsAny offers the vocabulary names', () => {
    const r = at(RULE + '        - { fact: text, operator: containsAny, value: 食|')
    expect(r.labels).toEqual(expect.arrayContaining(Object.keys(ruleSet.vocabularies)))
    expect(at(RULE + '        - fact: text\n          operator: notContainsAny\n          value: |').labels).toContain('食品')
  })

  test('procedure files complete meeting facts', () => {
    expect(at('kind: procedure\nchecks:\n  - id: x\n    when: { fact: |', { schema: schema('procedure'), ruleSet, kind: 'procedure' }).labels).toContain('meetingType')
  })

  test('keys come from the schema at the cursor path', () => {
    expect(at('kind: section\n|').labels).toEqual(expect.arrayContaining(['id', 'name', 'duties', 'rules']))
    expect(at(RULE.replace('    role: lead\n', '    role: lead\n    pri|\n')).labels).toEqual(expect.arrayContaining(['priority', 'cites', 'description']))
    expect(at('kind: section\nduties:\n  - item: 1\n    |').labels).toEqual(expect.arrayContaining(['label', 'text', 'routing']))
    expect(at('kind: section\nduties:\n  - |').labels).toContain('item')
    expect(at('kind: section\narticle:\n  # 条文\n  pr|').labels).toContain('printed')
  })

  test('enum values from the schema, and section ids', () => {
    expect(at('kind: section\nid: |').labels).toContain('food-circulation')
    expect(at(RULE.replace('role: lead', 'role: |')).labels).toEqual(['lead', 'assist'])
  })

  test('nothing inside comments', () => {
    expect(at('# fact: |').labels).toEqual([])
  })
})
