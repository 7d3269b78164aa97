/** Moved to the ground floor: src/conditions/evaluate.ts (kept so routing's imports stay as they were). */
export * from '../conditions/evaluate.js'
