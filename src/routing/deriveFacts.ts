/**
 * Derives the facts that rules read from a validated complaint. Typed code fills in defaults and says
 * so in warnings; the rules in YAML make every decision.
 */
import type { RoutingRuleSet as RuleSet } from './ruleSet.js'
import type { Complaint } from './complaintInput.js'
import { normalizeText } from './normalizeText.js'
import type { RoutingWarning } from './types.js'

export function deriveFacts(complaint: Complaint, ruleSet: RuleSet): { facts: Record<string, unknown>; warnings: RoutingWarning[] } {
  const warnings: RoutingWarning[] = []
  const own = ruleSet.bureau.county
  const respondent = complaint.respondent ?? {}
  const online = respondent.online ?? respondent.platformOperator !== undefined
  const inPlatform = respondent.platformOperator !== undefined
  if (complaint.kind !== 'inquiry' && respondent.county === undefined && (complaint.kind === 'complaint' || online)) {
    warnings.push({
      code: 'county_assumed',
      message: `未提供被投诉（举报）人所在县，按本局所在县（${own}）处理；如不在本县，应按属地管辖移送。`,
      messageEn: `the respondent's county was not given; the bureau's own county (${own}) is assumed. If it is elsewhere, the case belongs there.`,
    })
  }
  if (complaint.kind === 'report' && !online && complaint.occurredIn === undefined) {
    warnings.push({
      code: 'occurred_in_assumed',
      message: `未提供被举报行为发生地，按本局所在县（${own}）处理。`,
      messageEn: `where the reported conduct happened was not given; the bureau's own county (${own}) is assumed.`,
    })
  }
  const facts: Record<string, unknown> = {
    text: normalizeText(complaint.text),
    kind: complaint.kind,
    channel: complaint.channel,
    severity: complaint.severity ?? 'normal',
    receivedOn: complaint.receivedOn,
    respondent: { ...respondent },
    online,
    inPlatform,
    ownCounty: own,
    respondentCounty: respondent.county ?? own,
    platformCounty: respondent.platformOperator?.county ?? null,
    occurredIn: complaint.occurredIn ?? own,
    forLivingConsumption: complaint.forLivingConsumption ?? true,
    handledElsewhere: complaint.handledElsewhere ?? false,
    yearsSinceHarmKnown: complaint.harmKnownOn ? yearsBetween(complaint.harmKnownOn, complaint.receivedOn) : 0,
  }
  return { facts, warnings }
}

/**
 * Exact years from `from` to `to` as a decimal: whole years (anniversaries, 29 Feb → 28 Feb) plus the
 * fraction of the next year. So "more than three years" is `greaterThan 3`, true from the day after
 * the third anniversary.
 */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number]
  const anniversary = (years: number) => {
    const y = fy + years
    const last = new Date(Date.UTC(y, fm, 0)).getUTCDate()
    return Date.UTC(y, fm - 1, Math.min(fd, last))
  }
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number]
  const end = Date.UTC(ty, tm - 1, td)
  if (end < anniversary(0)) return -yearsBetween(to, from)
  let whole = ty - fy
  while (whole > 0 && anniversary(whole) > end) whole--
  const start = anniversary(whole)
  const next = anniversary(whole + 1)
  return whole + (end - start) / (next - start)
}
