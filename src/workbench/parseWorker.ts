/**
 * Parses the rule files off the page's main thread, so typing never waits for `parseRuleSet` (a few
 * hundred milliseconds for the shipped rules). The result is plain data (a rule set is JSON-safe).
 */
import { parseRuleSet, type RuleFileText } from '../index.js'

interface Request {
  id: number
  files: RuleFileText[]
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<Request>) => void) | null; postMessage(message: unknown): void }
scope.onmessage = (event) => {
  const { id, files } = event.data
  scope.postMessage({ id, result: parseRuleSet(files) })
}
