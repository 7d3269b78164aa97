/**
 * Route options (`{ explain? }`), validated like every other input: a misspelt `explian` is an error,
 * not ignored. Shared by the engine's routing methods and the top-level `routeComplaint(Sync)`.
 */
import * as z from 'zod'
import { inputIssues } from '../problems/inputIssues.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { RouteOptions } from '../routing/types.js'

const routeOptionsSchema = z.strictObject({ explain: z.boolean().optional() }).optional()

/** The options checked, or `XiaobaoError` `invalid_input` naming the bad field under `options`. */
export function checkRouteOptions(options: unknown): RouteOptions | undefined {
  const parsed = routeOptionsSchema.safeParse(options)
  if (!parsed.success) throw new XiaobaoError(inputIssues(options, parsed.error.issues, ['options']))
  return parsed.data
}
