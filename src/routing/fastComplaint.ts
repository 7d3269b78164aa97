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

/** Puts `checked` (what the schema makes of `value[key]`) into `out` when `key` is present; false for NO. */
function put(out: Plain, value: Plain, key: string, checked: unknown): boolean {
  if (checked === NO) return false
  if (key in value) out[key] = checked
  return true
}

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && isRealDate(value)
}

/** `party` of complaintInput (`{ name?, county? }`, strict): a fresh object or NO. */
function party(value: unknown): Plain | undefined | No {
  if (value === undefined) return undefined
  if (!plainWith(value, PARTY_KEYS)) return NO
  const out: Plain = {}
  if (!put(out, value, 'name', optionalString(value.name, 500))) return NO
  if (!put(out, value, 'county', optionalString(value.county, 100))) return NO
  return out
}

function respondent(value: unknown): Plain | undefined | No {
  if (value === undefined) return undefined
  if (!plainWith(value, RESPONDENT_KEYS)) return NO
  const out: Plain = {}
  if (!put(out, value, 'name', optionalString(value.name, 500))) return NO
  for (const key of ['county', 'operatesIn', 'domicile'] as const) {
    if (!put(out, value, key, optionalString(value[key], 100))) return NO
  }
  if (!put(out, value, 'online', optionalBoolean(value.online))) return NO
  if (!put(out, value, 'platformOperator', party(value.platformOperator))) return NO
  return out
}

function advertisement(value: unknown): Plain | undefined | No {
  if (value === undefined) return undefined
  if (!plainWith(value, AD_KEYS)) return NO
  const out: Plain = {}
  if (!put(out, value, 'medium', optionalEnum(value.medium, MEDIA))) return NO
  for (const key of ['publisher', 'advertiser'] as const) {
    if (!put(out, value, key, party(value[key]))) return NO
  }
  if (!put(out, value, 'selfPublished', optionalBoolean(value.selfPublished))) return NO
  return out
}

/** `complaintInput.safeParse(value).data` when zod would accept `value` as it is; otherwise undefined. */
export function fastComplaint(value: unknown): Complaint | undefined {
  if (!plainWith(value, TOP_KEYS)) return undefined
  const out: Plain = {}
  if (!put(out, value, 'id', optionalString(value.id, 200))) return undefined
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
  if (!put(out, value, 'respondent', respondent(value.respondent))) return undefined
  if (!put(out, value, 'severity', optionalEnum(value.severity, SEVERITIES))) return undefined
  if (!put(out, value, 'occurredIn', optionalString(value.occurredIn, 100))) return undefined
  if (!put(out, value, 'advertisement', advertisement(value.advertisement))) return undefined
  const harm = value.harmKnownOn
  if (harm !== undefined && !isIsoDate(harm)) return undefined
  if ('harmKnownOn' in value) out.harmKnownOn = harm
  for (const key of ['forLivingConsumption', 'handledElsewhere'] as const) {
    if (!put(out, value, key, optionalBoolean(value[key]))) return undefined
  }
  return out as unknown as Complaint
}
