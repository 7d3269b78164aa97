/**
 * The joint-meeting record (联席会议记录) an app passes to `checkMeetingDecision`, validated with zod.
 * Strict objects: a misspelt field is an error, not a silently ignored value. Enums are flat lists so a
 * wrong value gets a message that names every allowed one.
 */
import * as z from 'zod'
import { isoDate } from '../ruleset/schemas.js'
import { SECTION_IDS } from '../sections.js'

/** Who convened or chaired: the convener (召集人, seq 22), a member section's head, the office, the party group. */
export const PERSON_ROLES = ['convener', 'member', 'office', 'party-group', 'other'] as const

/** Positions in the discussion. */
export const POSITIONS = ['support', 'object', 'abstain'] as const

/** How the decision was taken. 协商决定 (seq 25): decided by consultation, not by vote. */
export const DECISION_METHODS = ['consensus', 'consultation', 'majority-vote', 'convener-alone'] as const

const text = (max: number) => z.string().trim().min(1).max(max)
const sectionId = z.enum(SECTION_IDS)

const person = z.strictObject({
  role: z.enum(PERSON_ROLES),
  name: text(200),
  /** When `role` is `member`: the member section whose head this is. */
  section: sectionId.optional(),
})

export const meetingRecordInput = z.strictObject({
  meeting: z.strictObject({
    id: text(200),
    type: z.enum(['regular', 'ad-hoc']),
    /** Ad-hoc meetings only: who asked for it (seq 22: a member section may ask). */
    requestedBy: z.enum([...SECTION_IDS, 'convener', 'party-group', 'other']).optional(),
    heldOn: isoDate,
    convenedBy: person,
    chairedBy: person,
    /** Member sections whose head (主要负责人) attended. */
    attendees: z.array(sectionId).max(SECTION_IDS.length * 2),
    invited: z.array(z.strictObject({ name: text(200) })).max(200).optional(),
    /** `office` is the joint-meeting office (联席会议办公室, in 消保股, seq 23), not the 办公室 section. */
    agendaSetBy: z.enum(['office', ...SECTION_IDS.filter((s) => s !== 'office'), 'other']),
    minutesTaken: z.boolean(),
  }),
  topic: z.strictObject({
    title: text(500),
    /** A member section, or the party group (局党组交办, seq 24 item 7). */
    proposedBy: z.enum([...SECTION_IDS, 'party-group', 'other']),
    submittedToOfficeOn: isoDate,
  }),
  deliberation: z
    .strictObject({
      /** When the materials (会议材料) went out to the members. */
      materialsCirculatedOn: isoDate.optional(),
    })
    .optional(),
  discussion: z
    .array(
      z.strictObject({
        section: sectionId,
        position: z.enum(POSITIONS),
        /** For an objection: whether it was resolved before the decision. */
        resolved: z.boolean().optional(),
      }),
    )
    .max(1000),
  decision: z.strictObject({
    method: z.enum(DECISION_METHODS),
    text: text(20000),
    assignments: z
      .array(
        z.strictObject({
          /** The member section that carries it out; `other` when it went to a non-member. */
          section: z.enum([...SECTION_IDS, 'other']),
          /** For `other`: who, e.g. 县教育局. */
          assignee: text(200).optional(),
          task: text(2000),
          dueOn: isoDate.optional(),
        }),
      )
      .max(1000),
  }),
  /** The summary (会议纪要); absent while not yet issued. */
  summary: z
    .strictObject({
      issuedOn: isoDate,
      /** `office` is the joint-meeting office (seq 23), not the 办公室 section. */
      issuedBy: z.enum(['office', ...SECTION_IDS.filter((s) => s !== 'office'), 'convener', 'other']),
    })
    .optional(),
})

/** A meeting record as an app writes it. */
export type MeetingRecordInput = z.input<typeof meetingRecordInput>
/** A validated meeting record. */
export type MeetingRecord = z.output<typeof meetingRecordInput>
