/**
 * Derives the facts that rules read from a validated complaint. Typed code fills in defaults and says
 * so in warnings; the rules in YAML make every decision.
 */
import { calendarOfCheckedInput, type WorkingCalendar } from '../calendar/createCalendar.js'
import type { RoutingRuleSet } from './ruleSet.js'
import type { CalendarSlice } from '../calendar/calendarFileKinds.js'

/** Routing reads the calendar slice too: the three-year bar counts as the law counts periods. */
type RuleSet = RoutingRuleSet & Partial<CalendarSlice>
import type { Complaint } from './complaintInput.js'
import { normalizeText } from './normalizeText.js'
import { yearsSinceTextDate as textDateYears } from './textDates.js'
import type { RoutingWarning } from './types.js'
import { classifierFor } from './categories/classifierFor.js'
import type { DecisionCategory } from './categories/types.js'
import { createVariantNormalizer } from '../conditions/variants.js'
import { anniversaryOf, yearsBetween } from '../dates/index.js'

const variantNormalizers = new WeakMap<object, (text: string) => string>()

/** The rule set's variant normaliser (rules/variants.yaml), made once per rule set. */
export function variantsOf(ruleSet: RoutingRuleSet): (text: string) => string {
  let normalize = variantNormalizers.get(ruleSet)
  if (!normalize) variantNormalizers.set(ruleSet, (normalize = createVariantNormalizer(ruleSet.variants)))
  return normalize
}

/** A county name as compared: NFKC (`ＸＸ县` is `XX县`) and trimmed; blank is not given. */
export function normalizeCounty(name: string | undefined): string | undefined {
  if (name === undefined) return undefined
  // A county is one of a few names, given again and again: each is normalised once (NFKC is not cheap).
  let normal = normalCounties.get(name)
  if (normal === undefined) {
    normal = name.normalize('NFKC').trim()
    if (normalCounties.size >= 4096) normalCounties.clear()
    normalCounties.set(name, normal)
  }
  return normal === '' ? undefined : normal
}
const normalCounties = new Map<string, string>()

/** A county as compared; a blank one is listed in `blanks` (warned once for all). Not a closure: it runs per complaint. */
function countyAt(blanks: string[], field: string, name: string | undefined): string | undefined {
  const normal = normalizeCounty(name)
  if (name !== undefined && normal === undefined) blanks.push(field)
  return normal
}

/**
 * The facts, the warnings about defaults taken, and the goods-or-services category the text and the
 * respondent's name point to (which the decision quotes as `category`; no rule reads it as a whole).
 */
export function deriveFacts(complaint: Complaint, ruleSet: RuleSet): { facts: Record<string, unknown>; warnings: RoutingWarning[]; category: DecisionCategory } {
  const warnings: RoutingWarning[] = []
  const own = normalizeCounty(ruleSet.bureau.county) ?? ruleSet.bureau.county
  const raw = complaint.respondent ?? {}
  const ad = complaint.advertisement

  const blanks: string[] = []
  const county = countyAt(blanks, 'respondent.county', raw.county)
  const operatesIn = countyAt(blanks, 'respondent.operatesIn', raw.operatesIn)
  const domicile = countyAt(blanks, 'respondent.domicile', raw.domicile)
  const platformCounty = countyAt(blanks, 'respondent.platformOperator.county', raw.platformOperator?.county)
  const occurredIn = countyAt(blanks, 'occurredIn', complaint.occurredIn)
  const publisherCounty = countyAt(blanks, 'advertisement.publisher.county', ad?.publisher?.county)
  const advertiserCounty = countyAt(blanks, 'advertisement.advertiser.county', ad?.advertiser?.county)
  if (blanks.length > 0) {
    warnings.push({
      code: 'county_blank',
      message: `${blanks.join('、')} 为空白，按未提供处理。`,
      messageEn: `${blanks.join(', ')} ${blanks.length > 1 ? 'are' : 'is'} blank and treated as not given.`,
    })
  }

  const respondent: Record<string, unknown> = { ...raw }
  // (Written out rather than looped over [key, value] pairs: no arrays made per complaint. A field is
  // deleted only when it is there: `delete` of an absent field still costs a runtime call.)
  if (county !== undefined) respondent.county = county
  else if (raw.county !== undefined || 'county' in raw) delete respondent.county
  if (operatesIn !== undefined) respondent.operatesIn = operatesIn
  else if (raw.operatesIn !== undefined || 'operatesIn' in raw) delete respondent.operatesIn
  if (domicile !== undefined) respondent.domicile = domicile
  else if (raw.domicile !== undefined || 'domicile' in raw) delete respondent.domicile
  if (raw.platformOperator) {
    const platform: Record<string, unknown> = { ...raw.platformOperator }
    if (platformCounty !== undefined) platform.county = platformCounty
    else if ('county' in raw.platformOperator) delete platform.county
    respondent.platformOperator = platform
  }

  const online = raw.online ?? raw.platformOperator !== undefined
  const inPlatform = raw.platformOperator !== undefined
  const anyCounty = county ?? operatesIn ?? domicile
  if (complaint.kind !== 'inquiry' && anyCounty === undefined && (complaint.kind === 'complaint' || online)) {
    warnings.push({
      code: 'county_assumed',
      message: `未提供被投诉（举报）人所在县，按本局所在县（${own}）处理；如不在本县，应告知向有处理权限的部门提出。`,
      messageEn: `the respondent's county was not given; the bureau's own county (${own}) is assumed. If it is elsewhere, tell the person where to go.`,
    })
  }
  if (complaint.kind === 'report' && !online && occurredIn === undefined && ad?.medium === undefined) {
    warnings.push({
      code: 'occurred_in_assumed',
      message: `未提供被举报行为发生地，按本局所在县（${own}）处理。`,
      messageEn: `where the reported conduct happened was not given; the bureau's own county (${own}) is assumed.`,
    })
  }
  const variants = variantsOf(ruleSet)
  const text = variants(normalizeText(complaint.text))
  const respondentName = variants(normalizeText(raw.name ?? ''))
  const category = classifierFor(ruleSet)({ text, respondent: respondentName })
  const respondentCounty = anyCounty ?? own
  if (complaint.kind === 'report' && ad?.medium !== undefined && ad.selfPublished !== true && publisherCounty === undefined) {
    warnings.push({
      code: 'publisher_county_assumed',
      message: `未提供广告发布者所在县（advertisement.publisher.county），按被举报人所在县（${respondentCounty}）处理。`,
      messageEn: `the advertisement publisher's county (advertisement.publisher.county) was not given; the respondent's county (${respondentCounty}) is assumed.`,
    })
  }

  const facts = new Facts(
    text,
    complaint.kind,
    complaint.channel,
    complaint.severity ?? 'normal',
    complaint.receivedOn,
    respondent,
    online,
    inPlatform,
    own,
    respondentCounty,
    // 第十二条第一款「实际经营地或者住所地」: either one here is enough; nothing given is taken as here (warned above).
    anyCounty === undefined || county === own || operatesIn === own || domicile === own,
    operatesIn ?? county ?? domicile ?? own,
    domicile ?? county ?? operatesIn ?? own,
    platformCounty ?? null,
    occurredIn ?? own,
    ad?.medium ?? null,
    ad?.selfPublished ?? false,
    // Without a publisher, the respondent is taken as the publisher (as before the advertisement field).
    publisherCounty ?? respondentCounty,
    advertiserCounty ?? respondentCounty,
    complaint.forLivingConsumption ?? true,
    complaint.handledElsewhere ?? false,
    complaint.harmKnownOn ? yearsCounted(complaint.harmKnownOn, complaint.receivedOn, ruleSet, warnings) : 0,
    complaint.harmKnownOn !== undefined,
    textDateYears(text, complaint.receivedOn),
    respondentName,
    category.id,
    category.sections?.[0] ?? null,
    category.outOfScope !== undefined,
    byRespondent(category),
  ) as Record<string, unknown>
  return { facts, warnings, category }
}

/** Whether a term of the category was found in the respondent's name (a loop: no closure per complaint). */
function byRespondent(category: DecisionCategory): boolean {
  for (const term of category.terms) if (term.in === 'respondent') return true
  return false
}

type FactsConstructor = new (...values: unknown[]) => Record<string, unknown>

/**
 * The facts of one complaint: a plain object (its prototype is `Object.prototype`, its fields own, in
 * this order), made with `new` rather than as a literal. A literal's allocation site is one V8 watches:
 * when a caller keeps many facts (the analysis, a benchmark deriving them up front), V8 learns that they
 * survive and from then on allocates every complaint's facts in the old generation, where the routing
 * path's short-lived facts become garbage only a full collection frees (measured: each young collection
 * several times slower, and the heap growing between full ones). Objects made by `new` are not tracked so.
 * The call in `deriveFacts` passes the values by position, in this order: a fact added here goes at the same
 * place there (a swap changes decisions, which the snapshot and differential tests catch).
 */
const Facts = function (
  this: Record<string, unknown>,
  text: unknown,
  kind: unknown,
  channel: unknown,
  severity: unknown,
  receivedOn: unknown,
  respondent: unknown,
  online: unknown,
  inPlatform: unknown,
  ownCounty: unknown,
  respondentCounty: unknown,
  respondentInCounty: unknown,
  respondentOperatesIn: unknown,
  respondentDomicile: unknown,
  platformCounty: unknown,
  occurredIn: unknown,
  adMedium: unknown,
  adSelfPublished: unknown,
  adPublisherCounty: unknown,
  adAdvertiserCounty: unknown,
  forLivingConsumption: unknown,
  handledElsewhere: unknown,
  yearsSinceHarmKnown: unknown,
  harmKnownOnGiven: unknown,
  yearsSinceTextDate: unknown,
  respondentName: unknown,
  category: unknown,
  categoryLead: unknown,
  categoryOutOfScope: unknown,
  categoryByRespondent: unknown,
) {
  this.text = text
  this.kind = kind
  this.channel = channel
  this.severity = severity
  this.receivedOn = receivedOn
  this.respondent = respondent
  this.online = online
  this.inPlatform = inPlatform
  this.ownCounty = ownCounty
  this.respondentCounty = respondentCounty
  this.respondentInCounty = respondentInCounty
  this.respondentOperatesIn = respondentOperatesIn
  this.respondentDomicile = respondentDomicile
  this.platformCounty = platformCounty
  this.occurredIn = occurredIn
  this.adMedium = adMedium
  this.adSelfPublished = adSelfPublished
  this.adPublisherCounty = adPublisherCounty
  this.adAdvertiserCounty = adAdvertiserCounty
  this.forLivingConsumption = forLivingConsumption
  this.handledElsewhere = handledElsewhere
  this.yearsSinceHarmKnown = yearsSinceHarmKnown
  this.harmKnownOnGiven = harmKnownOnGiven
  this.yearsSinceTextDate = yearsSinceTextDate
  this.respondentName = respondentName
  this.category = category
  this.categoryLead = categoryLead
  this.categoryOutOfScope = categoryOutOfScope
  this.categoryByRespondent = categoryByRespondent
} as unknown as FactsConstructor
Facts.prototype = Object.prototype

const calendars = new WeakMap<RuleSet, WorkingCalendar>()

function calendarFor(ruleSet: RuleSet): WorkingCalendar {
  let calendar = calendars.get(ruleSet)
  if (!calendar) {
    // The loader checked the rule set's calendar (a rule set comes from parseRuleSet or loadRuleSet):
    // not checked again, so routing does not carry the calendar files' zod schemas.
    calendar = calendarOfCheckedInput({ years: ruleSet.calendar?.years ?? [], provisionalHolidays: ruleSet.calendar?.provisional })
    calendars.set(ruleSet, calendar)
  }
  return calendar
}

/**
 * Years from `from` to `to` as the law counts a period (《民法典》第二百零一条至第二百零三条): the start
 * day is not counted, so a period of N years ends on the N-th anniversary; where that day is a
 * statutory rest day, it ends on the next working day. So `greaterThan N` holds exactly when a period of
 * N whole years (N from the rules) has run out by `to`: from the N-th anniversary to the working day that
 * ends the period the value is N itself, elsewhere it is `yearsBetween`.
 */
export function yearsCounted(from: string, to: string, ruleSet: RuleSet, warnings: RoutingWarning[] = []): number {
  const years = yearsBetween(from, to)
  const whole = Math.floor(years)
  if (years <= 0 || whole === years) return years
  const last = anniversaryOf(from, whole)
  const calendar = calendarFor(ruleSet)
  let day = last
  try {
    let provisional = false
    // The longest run of rest days in a notice is 9 (春节); 31 days bounds a bad calendar file.
    for (let i = 0; i < 31 && day < to; i++) {
      const info = calendar.dayInfo(day, { provisional: true })
      provisional ||= info.provisional
      if (info.working) break
      day = calendar.addCalendarDays(day, 1)
    }
    if (provisional) {
      warnings.push({
        code: 'time_bar_provisional',
        message: `期限末日 ${last} 所在年度尚无国务院放假通知，是否为法定休假日按暂定日历判断。`,
        messageEn: `the period's last day ${last} falls in a year with no State Council notice yet; whether it is a rest day comes from the provisional calendar.`,
      })
    }
  } catch {
    warnings.push({
      code: 'time_bar_provisional',
      message: `日历数据不包括期限末日 ${last} 所在年度，未按法定休假日顺延。`,
      messageEn: `no calendar data covers the year of the period's last day ${last}; it was not extended for rest days.`,
    })
    return years
  }
  // The period ends on `day` (the first working day from the anniversary on): until then it has not run out.
  return to <= day ? whole : years
}
