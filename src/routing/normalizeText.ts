export { normalizeText } from '../conditions/normalizeText.js'
