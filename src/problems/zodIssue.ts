/**
 * The one reader of zod's issues. zod 4 reports a failed parse as `$ZodIssue`s of many shapes; this
 * turns each into one `ZodProblem` — what went wrong, at which path, with the offending value — so the
 * two wordings (a rule file's author in `ruleset/zodIssues.ts`, an API caller in `inputIssues.ts`) only
 * choose words, and a new zod issue shape is handled in one place.
 */
import type { z } from 'zod'

/** What a zod issue says, independent of wording. `actual` is the value found at `path` (or `undefined`). */
export type ZodProblem =
  | { kind: 'unknown_keys'; keys: string[] }
  /** Wrong type; `absent` when the value is `undefined`, `keyAbsent` when its key is not there at all. */
  | { kind: 'type'; expected: string; absent: boolean; keyAbsent: boolean }
  /** Not one of an enum's or literal's `values`; `pathAbsent` when a key on the way to it is not there. */
  | { kind: 'value'; values: string[]; pathAbsent: boolean }
  /** A refinement or format failed: `check` is the refinement's message (`iso_date`, `rule_id`, `empty_text`, …). */
  | { kind: 'format'; check: string; zodCode: 'invalid_format' | 'custom' }
  | { kind: 'size'; bound: 'min' | 'max'; limit: string }
  | { kind: 'other'; zodCode: string; check: string }

export interface ReadZodIssue {
  /** The issue's path, symbols dropped. */
  path: (string | number)[]
  /** The value at `path` in the parsed root (`undefined` when absent). */
  actual: unknown
  problem: ZodProblem
}

/** Value at a path in plain data, or `undefined` (own properties only). */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    if (!Object.prototype.hasOwnProperty.call(node, key as PropertyKey)) return undefined
    node = (node as Record<PropertyKey, unknown>)[key as PropertyKey]
  }
  return node
}

/** Whether every key of `path` is there, each step an object. */
function hasPath(root: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = root
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return false
    node = (node as Record<PropertyKey, unknown>)[key]
  }
  return true
}

/** Reads one zod issue against the value that was parsed. */
export function readZodIssue(root: unknown, zi: z.core.$ZodIssue): ReadZodIssue {
  const path = zi.path.filter((p): p is string | number => typeof p !== 'symbol')
  const actual = valueAt(root, path)
  const problem = ((): ZodProblem => {
    switch (zi.code) {
      case 'unrecognized_keys':
        return { kind: 'unknown_keys', keys: [...zi.keys] }
      case 'invalid_type': {
        const parent = valueAt(root, path.slice(0, -1))
        const keyAbsent =
          actual === undefined &&
          (parent === undefined || (typeof parent === 'object' && parent !== null && !Object.prototype.hasOwnProperty.call(parent, path[path.length - 1]!)))
        return { kind: 'type', expected: zi.expected, absent: actual === undefined, keyAbsent }
      }
      case 'invalid_value':
        return { kind: 'value', values: zi.values.map(String), pathAbsent: !hasPath(root, path) }
      case 'invalid_format':
      case 'custom':
        return { kind: 'format', check: zi.message, zodCode: zi.code }
      case 'too_small':
        return { kind: 'size', bound: 'min', limit: String(zi.minimum) }
      case 'too_big':
        return { kind: 'size', bound: 'max', limit: String(zi.maximum) }
      default:
        return { kind: 'other', zodCode: zi.code, check: zi.message }
    }
  })()
  return { path, actual, problem }
}
