// Per-row delivery times: reading each row's appointment, the rule for when to send relative to it,
// quiet hours, time zones and languages from the row's country, and the words and figures the
// preview shows. Pure: no I/O, `now` always given.
export type {
  DeliveryPlan,
  GroupChoice,
  ProblemChoices,
  QuietHours,
  RowProblem,
  RowTime,
  SendRule,
  TimeColumnGuess,
  TimeFormat,
} from './types';
export { choiceFor } from './choices';
export { problemFate, rowFate, type ProblemFate, type ProblemRowTime, type RowFate } from './fate';
export { detectTimeColumns } from './detect';
export { TIME_SAMPLE_ROWS, timeColumnsOf } from './time-columns';
export { formatAppointment } from './appointment-words';
export { messagesPerHour } from './per-hour';
export { describeFormat, TIME_FORMATS, timeCell } from './parse';
export { planRowTime } from './plan';
export {
  DEFAULT_QUIET_HOURS,
  describeSendRule,
  parseQuietHours,
  parseSendRule,
  SEND_RULE_HELP,
} from './rules';
export {
  countryCode,
  localeForCountry,
  rowZone,
  zoneForCountry,
  type RowZone,
  type ZoneSource,
} from './zones';
