/**
 * Whether a check's `path` names a field of the meeting record, read off the record's zod schema so the
 * two cannot drift apart.
 */
import type { z } from 'zod'
import { meetingRecordInput } from './recordInput.js'

interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  element?: z.ZodType
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema
  for (let def = defOf(s); (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType; def = defOf(s)) s = def.innerType
  return s
}

/**
 * The fields one may name after `path` (an empty list when `path` is not a field). `'*'` stands for a
 * position in a list.
 * @example
 * recordPathProblem(['meeting', 'chairedBy']) // undefined
 * recordPathProblem(['meeting', 'chair'])     // { at: 1, allowed: ['id', 'type', …] }
 */
export function recordPathProblem(path: readonly string[]): { at: number; allowed: string[] } | undefined {
  let schema: z.ZodType = meetingRecordInput
  for (const [i, key] of path.entries()) {
    const def = defOf(unwrap(schema))
    if (def.type === 'array' && def.element) {
      if (key !== '*') return { at: i, allowed: ['*'] }
      schema = def.element
    } else if (def.type === 'object' && def.shape) {
      const next = Object.prototype.hasOwnProperty.call(def.shape, key) ? def.shape[key] : undefined
      if (!next) return { at: i, allowed: Object.keys(def.shape) }
      schema = next
    } else {
      return { at: i, allowed: [] }
    }
  }
  return undefined
}
