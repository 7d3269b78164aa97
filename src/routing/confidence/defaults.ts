/**
 * The confidence settings used when a rule set has no confidence file. Apart from the file's zod
 * schema (`schema.ts`, which re-exports them), so routing with a loaded rule set does not carry the
 * rule-file schemas.
 */

/** Used when a rule set has no confidence file (a `ConfidenceSettings`). */
export const DEFAULT_CONFIDENCE = { strongEvidence: 2, closeMargin: 10 }
