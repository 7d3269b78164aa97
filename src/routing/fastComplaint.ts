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
  for (const key of ['county', 'operatesIn', 'domicile'] as const) {
    const county = optionalString(value[key], 100)
    if (county === NO) return NO
    if (key in value) out[key] = county
  }
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
  for (const key of ['publisher', 'advertiser'] as const) {
    const p = party(value[key])
    if (p === NO) return NO
    if (key in value) out[key] = p
  }
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
  for (const key of ['forLivingConsumption', 'handledElsewhere'] as const) {
    const flag = optionalBoolean(value[key])
    if (flag === NO) return undefined
    if (key in value) out[key] = flag
  }
  return out as unknown as Complaint
}
