/**
 * Loads `kind: categories` (at most one file): every leaf names its competent sections or the
 * authority that is competent instead, cites the articles it rests on, and owns its terms alone — a
 * term in two leaves would make the category depend on file order.
 */
import { ROUTING_MESSAGES } from '../issues.js'
import type { SourceLocation } from '../../ruleset/types.js'
import type { Issue } from '../../problems/issue.js'
import type { RuleFileKind } from '../../ruleset/capability.js'
import { normalizeText } from '../../conditions/normalizeText.js'
import type { RoutingRuleSet } from '../ruleSet.js'
import { categoriesFile, type CategoriesFile } from './schema.js'
import type { CategoryRecord } from './types.js'

export const categoriesKind: RuleFileKind<CategoriesFile, RoutingRuleSet> = {
  kind: 'categories',
  schema: categoriesFile,
  role: 'refers',
  max: 1,
  load(d, ruleSet, ctx) {
    const issues: Issue[] = []
    const ids = new Map<string, SourceLocation>()
    const termOwner = new Map<string, string>()
    const categories: CategoryRecord[] = []
    const claim = (id: string, path: (string | number)[]) => {
      const prior = ids.get(id)
      if (prior) issues.push(ctx.report(path, ROUTING_MESSAGES, 'duplicate_category', { id, earlier: prior }))
      else ids.set(id, ctx.at(path))
    }
    d.categories.forEach((group, g) => {
      claim(group.id, ['categories', g, 'id'])
      group.children.forEach((leaf, l) => {
        const path = ['categories', g, 'children', l]
        claim(leaf.id, [...path, 'id'])
        if ((leaf.sections === undefined) === (leaf.outOfScope === undefined)) {
          issues.push(
            ctx.issueAt(
              path,
              'missing_field',
              `类别 "${leaf.name}" 须写 sections（有职责的股室）或 outOfScope（不属本局时有权处理的机关），二者只写一个。`,
              `category "${leaf.id}" needs exactly one of sections (the competent sections) or outOfScope (the competent authority when the bureau is not).`,
            ),
          )
        }
        issues.push(...ctx.checkCites(leaf.cites, [...path, 'cites']))
        const terms: string[] = []
        leaf.terms.forEach((raw, t) => {
          const term = normalizeText(raw.trim())
          const owner = termOwner.get(term)
          if (owner === leaf.id) return
          if (owner) {
            issues.push(ctx.issueAt([...path, 'terms', t], 'invalid_value', `词语「${raw}」已列在类别 ${owner}，一个词只能归一个类别。`, `term "${raw}" is already listed under category ${owner}; a term belongs to one category only.`))
            return
          }
          termOwner.set(term, leaf.id)
          terms.push(term)
        })
        categories.push({
          id: leaf.id,
          name: leaf.name,
          parent: { id: group.id, name: group.name },
          ...(leaf.sections ? { sections: leaf.sections } : {}),
          ...(leaf.outOfScope ? { outOfScope: leaf.outOfScope } : {}),
          ...(leaf.basis ? { basis: leaf.basis } : {}),
          cites: leaf.cites,
          terms,
          at: ctx.at([...path, 'id']),
        })
      })
    })
    ruleSet.categories = { categories, sources: d.sources ?? [] }
    return issues
  },
}
