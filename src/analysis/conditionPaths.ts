/**
 * Names every condition inside a rule's `when` by its path (`when.all[1].any[0]`), so coverage can say
 * which condition the scenarios never made true or false, in words a rule author can find in the YAML.
 */
import type { ConditionTrace } from '../routing/explainCondition.js'
import type { ConditionNode } from '../ruleset/schemas.js'

export interface ConditionEntry {
  path: string
  condition: string
  leaf: boolean
}

/** `text containsAny 食品` for a leaf; `all` / `any` / `not` otherwise. */
export function describeCondition(node: ConditionNode): string {
  if ('all' in node) return 'all'
  if ('any' in node) return 'any'
  if ('not' in node) return 'not'
  const value =
    typeof node.value === 'string'
      ? node.value
      : Array.isArray(node.value)
        ? `[${(node.value as unknown[]).join(', ')}]`
        : JSON.stringify(node.value)
  return `${node.fact}${node.path ? ' ' + node.path : ''} ${node.operator} ${value}`
}

/** Every node of `when`, outermost first, with its path. */
export function conditionEntries(node: ConditionNode, path = 'when'): ConditionEntry[] {
  const own: ConditionEntry = { path, condition: describeCondition(node), leaf: !('all' in node || 'any' in node || 'not' in node) }
  if ('all' in node) return [own, ...node.all.flatMap((c, i) => conditionEntries(c, `${path}.all[${i}]`))]
  if ('any' in node) return [own, ...node.any.flatMap((c, i) => conditionEntries(c, `${path}.any[${i}]`))]
  if ('not' in node) return [own, ...conditionEntries(node.not, `${path}.not`)]
  return [own]
}

/** Calls `visit` with the path and result of every node of an `explainCondition` trace. */
export function walkTrace(trace: ConditionTrace, visit: (path: string, result: boolean) => void, path = 'when'): void {
  visit(path, trace.result)
  const children = trace.children ?? []
  if (trace.kind === 'all' || trace.kind === 'any') children.forEach((c, i) => walkTrace(c, visit, `${path}.${trace.kind}[${i}]`))
  else if (trace.kind === 'not' && children[0]) walkTrace(children[0], visit, `${path}.not`)
}

/** The vocabulary names a condition refers to through `containsAny` / `notContainsAny`. */
export function vocabulariesOf(node: ConditionNode): string[] {
  if ('all' in node) return node.all.flatMap(vocabulariesOf)
  if ('any' in node) return node.any.flatMap(vocabulariesOf)
  if ('not' in node) return vocabulariesOf(node.not)
  return (node.operator === 'containsAny' || node.operator === 'notContainsAny') && typeof node.value === 'string' ? [node.value] : []
}
