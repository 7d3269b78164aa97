import { describe, expect, test } from 'vitest'
import { bundledRuleFiles } from '../../engine/defaultRuleSet.js'
import { parseRuleSet } from '../../capabilities.js'

const withCategories = (text: string) => [...bundledRuleFiles().filter((f) => f.path !== 'categories.yaml'), { path: 'categories.yaml', text }]

describe('kind: categories is checked with its position', () => {
  test('a term listed in two leaves is an error at the second', () => {
    const result = parseRuleSet(
      withCategories(`kind: categories
categories:
  - id: goods
    name: 商品
    children:
      - { id: goods.a, name: 甲, sections: [product-quality], cites: [{ seq: 13, item: 3 }], terms: [电饭煲] }
      - { id: goods.b, name: 乙, sections: [consumer-protection], cites: [{ seq: 3, item: 3 }], terms: [电饭煲] }
`),
    )
    expect(result.ok).toBe(false)
    const issue = !result.ok ? result.issues.find((i) => i.file === 'categories.yaml') : undefined
    expect(issue).toMatchObject({ code: 'invalid_value', file: 'categories.yaml', line: 7 })
    expect(issue!.message).toContain('goods.a')
  })
  test('a leaf needs exactly one of sections and outOfScope', () => {
    const result = parseRuleSet(
      withCategories(`kind: categories
categories:
  - id: goods
    name: 商品
    children:
      - { id: goods.a, name: 甲, cites: [{ seq: 13, item: 3 }], terms: [电饭煲] }
`),
    )
    expect(!result.ok && result.issues.some((i) => i.code === 'missing_field' && i.file === 'categories.yaml' && i.line === 6)).toBe(true)
  })
  test('a dangling citation is an error', () => {
    const result = parseRuleSet(
      withCategories(`kind: categories
categories:
  - id: goods
    name: 商品
    children:
      - { id: goods.a, name: 甲, sections: [product-quality], cites: [{ seq: 99 }], terms: [电饭煲] }
`),
    )
    expect(!result.ok && result.issues.some((i) => i.code === 'dangling_citation' && i.file === 'categories.yaml' && i.line === 6)).toBe(true)
  })
  test('a one-character term is refused (a single character means too many things)', () => {
    const result = parseRuleSet(
      withCategories(`kind: categories
categories:
  - id: goods
    name: 商品
    children:
      - { id: goods.a, name: 甲, sections: [product-quality], cites: [{ seq: 13, item: 3 }], terms: [锅] }
`),
    )
    expect(!result.ok && result.issues.some((i) => i.file === 'categories.yaml' && i.line === 6)).toBe(true)
  })
})
