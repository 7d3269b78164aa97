/**
 * Route options (`{ explain? }`), validated like every other input: a misspelt `explian` is an error,
 * not ignored. Shared by the engine's routing methods and the top-level `routeComplaint(Sync)`.
 */
import * as z from 'zod/mini'
import { inputIssues } from '../problems/inputIssues.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { RouteOptions } from '../routing/types.js'

// zod/mini: the top-level routeComplaint(Sync) carries no classic zod (test/tools/routeBundle.ts).
const routeOptionsSchema = z.optional(z.strictObject({ explain: z.optional(z.boolean()) }))

/** The options checked, or `XiaobaoError` `invalid_input` naming the bad field under `options`. */
export function checkRouteOptions(options: unknown): RouteOptions | undefined {
  if (options === undefined) return undefined // what the optional schema gives, without running it
  const parsed = routeOptionsSchema.safeParse(options)
  if (!parsed.success) throw new XiaobaoError(inputIssues(options, parsed.error.issues, ['options']))
  return parsed.data
}
