/**
 * `xiaobao/route`: routing with the bundled rules, and nothing else — for a page that only routes (an
 * intake screen). The same `routeComplaintSync` / `routeComplaint` as the main entry exports, built as a
 * bundle of its own (dist/route.js): the main entry is one file, whose rule-file schemas and catalogs an
 * app's bundler cannot leave out, so an app importing `routeComplaintSync` from `xiaobao` carries them;
 * from `xiaobao/route` it carries only what routing runs (README, "In a browser").
 * Isomorphic: no `node:` imports.
 */
export { routeComplaint, routeComplaintSync } from './engine/routeBundled.js'
export { XiaobaoError } from './problems/XiaobaoError.js'
import { formatIssue as formatIssueUnguarded } from './problems/issue.js'
import { publicFunction } from './problems/publicFunction.js'
/** `formatIssue`, taking a safe copy of its arguments and throwing only XiaobaoError (as from `xiaobao`). */
export const formatIssue = /* @__PURE__ */ publicFunction(formatIssueUnguarded, [{ name: 'issue', kind: 'data', type: 'object' }, { name: 'language', kind: 'data', type: 'string', optional: true }])

export type { ComplaintInput, Complaint } from './routing/complaintInput.js'
export type { RoutingDecision, RoutingWarning, RuleHit, RuleEffect, SectionRef, WarningCode, RouteOptions, SimilarCases } from './routing/types.js'
export type { Issue, IssueCode, Severity } from './problems/issue.js'
