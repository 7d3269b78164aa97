/**
 * The common, well-formed complaint checked by hand: what `complaintInput.safeParse` (zod) would return
 * for it, built without zod's machinery, or `undefined` when the value is anything else — then the zod
 * schema runs as before, so every message stays zod's. `fastComplaint.test.ts` checks with fast-check
 * that whenever this returns a value, zod accepts the input and returns an equal object with the same
 * keys in the same order.
 *
 * It runs for every routed complaint: the schema's parse was a fifth of the compiled path.
 */
import { isRealDate } from '../dates/isoDay.js'
import { AD_MEDIA, CHANNELS } from './complaintEnums.js'
import type { Complaint } from './complaintInput.js'

const KINDS: readonly string[] = ['complaint', 'report', 'inquiry']
const SEVERITIES: readonly string[] = ['normal', 'major']
const CHANNEL_LIST: readonly string[] = CHANNELS
const MEDIA: readonly string[] = AD_MEDIA

const TOP_KEYS: readonly string[] = ['id', 'kind', 'channel', 'receivedOn', 'text', 'respondent', 'severity', 'occurredIn', 'advertisement', 'harmKnownOn', 'forLivingConsumption', 'handledElsewhere']
const RESPONDENT_KEYS: readonly string[] = ['name', 'county', 'operatesIn', 'domicile', 'online', 'platformOperator']
const PARTY_KEYS: readonly string[] = ['name', 'county']
const AD_KEYS: readonly string[] = ['medium', 'publisher', 'advertiser', 'selfPublished']

type Plain = Record<string, unknown>

/** A plain object (the snapshot's records) whose enumerable keys are all among `keys`. */
function plainWith(value: unknown, keys: readonly string[]): value is Plain {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false
  for (const key in value) if (!keys.includes(key)) return false
  return true
}

const NO = Symbol('no')
type No = typeof NO

/** `z.string().max(max).optional()`: the value, or NO. */
function optionalString(value: unknown, max: number): string | undefined | No {
  if (value === undefined) return undefined
  return typeof value === 'string' && value.length <= max ? value : NO
}

function optionalBoolean(value: unknown): boolean | undefined | No {
  if (value === undefined) return undefined
  return typeof value === 'boolean' ? value : NO
}

function optionalEnum(value: unknown, allowed: readonly string[]): string | undefined | No {
  if (value === undefined) return undefined
  return typeof value === 'string' && allowed.includes(value) ? value : NO
}

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && isRealDate(value)
}

/**
 * Each field is checked and copied with its own name written out (no helper taking the key, no loop over
 * keys): a property named by a variable is a generic keyed access, several times slower than a named one
 * on the routing path every complaint takes.
 */

/** `party` of complaintInput (`{ name?, county? }`, strict): a fresh object or NO. */
function party(value: unknown): Plain | undefined | No {
  if (value === undefined) return undefined
  if (!plainWith(value, PARTY_KEYS)) return NO
  const out: Plain = {}
  const name = optionalString(value.name, 500)
  if (name === NO) return NO
  if ('name' in value) out.name = name
  const county = optionalString(value.county, 100)
  if (county === NO) return NO
  if ('county' in value) out.county = county
  return out
}

function respondent(value: unknown): Plain | undefined | No {
  if (value === undefined) return undefined
  if (!plainWith(value, RESPONDENT_KEYS)) return NO
  const out: Plain = {}
  const name = optionalString(value.name, 500)
  if (name === NO) return NO
  if ('name' in value) out.name = name
  const county = optionalString(value.county, 100)
  if (county === NO) return NO
  if ('county' in value) out.county = county
  const operatesIn = optionalString(value.operatesIn, 100)
  if (operatesIn === NO) return NO
  if ('operatesIn' in value) out.operatesIn = operatesIn
  const domicile = optionalString(value.domicile, 100)
  if (domicile === NO) return NO
  if ('domicile' in value) out.domicile = domicile
  const online = optionalBoolean(value.online)
  if (online === NO) return NO
  if ('online' in value) out.online = online
  const platform = party(value.platformOperator)
  if (platform === NO) return NO
  if ('platformOperator' in value) out.platformOperator = platform
  return out
}

function advertisement(value: unknown): Plain | undefined | No {
  if (value === undefined) return undefined
  if (!plainWith(value, AD_KEYS)) return NO
  const out: Plain = {}
  const medium = optionalEnum(value.medium, MEDIA)
  if (medium === NO) return NO
  if ('medium' in value) out.medium = medium
  const publisher = party(value.publisher)
  if (publisher === NO) return NO
  if ('publisher' in value) out.publisher = publisher
  const advertiser = party(value.advertiser)
  if (advertiser === NO) return NO
  if ('advertiser' in value) out.advertiser = advertiser
  const self = optionalBoolean(value.selfPublished)
  if (self === NO) return NO
  if ('selfPublished' in value) out.selfPublished = self
  return out
}

/** `complaintInput.safeParse(value).data` when zod would accept `value` as it is; otherwise undefined. */
export function fastComplaint(value: unknown): Complaint | undefined {
  if (!plainWith(value, TOP_KEYS)) return undefined
  const out: Plain = {}
  const id = optionalString(value.id, 200)
  if (id === NO) return undefined
  if ('id' in value) out.id = id
  const kind = value.kind
  if (typeof kind !== 'string' || !KINDS.includes(kind)) return undefined
  out.kind = kind
  const channel = value.channel
  if (channel === undefined) out.channel = '12315-platform'
  else if (typeof channel === 'string' && CHANNEL_LIST.includes(channel)) out.channel = channel
  else return undefined
  if (!isIsoDate(value.receivedOn)) return undefined
  out.receivedOn = value.receivedOn
  const text = value.text
  if (typeof text !== 'string' || text.trim().length === 0) return undefined
  out.text = text
  const r = respondent(value.respondent)
  if (r === NO) return undefined
  if ('respondent' in value) out.respondent = r
  const severity = optionalEnum(value.severity, SEVERITIES)
  if (severity === NO) return undefined
  if ('severity' in value) out.severity = severity
  const occurredIn = optionalString(value.occurredIn, 100)
  if (occurredIn === NO) return undefined
  if ('occurredIn' in value) out.occurredIn = occurredIn
  const ad = advertisement(value.advertisement)
  if (ad === NO) return undefined
  if ('advertisement' in value) out.advertisement = ad
  const harm = value.harmKnownOn
  if (harm !== undefined && !isIsoDate(harm)) return undefined
  if ('harmKnownOn' in value) out.harmKnownOn = harm
  const living = optionalBoolean(value.forLivingConsumption)
  if (living === NO) return undefined
  if ('forLivingConsumption' in value) out.forLivingConsumption = living
  const elsewhere = optionalBoolean(value.handledElsewhere)
  if (elsewhere === NO) return undefined
  if ('handledElsewhere' in value) out.handledElsewhere = elsewhere
  return out as unknown as Complaint
}
