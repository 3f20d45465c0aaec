// Validation of the settings form, in the operator's words, before anything reaches main.
import { MAX_SEGMENTS_LIMIT } from '../../../shared/import/rules';
import { apiUrlProblem } from '../../../shared/api-url';
import { senderProblem } from '../../../shared/sender-name';

export { apiUrlProblem };
import type { Autoconvert, Settings } from '../../../shared/types';
import { isAllowedRate, RATE_RANGE } from '../../../shared/limits';

export interface SettingsDraft {
  defaultSender: string;
  defaultCountry: string;
  /** Kept as typed: an empty or half-typed number must not become 0. */
  defaultRate: string;
  defaultAutoconvert: Autoconvert;
  apiUrl: string;
  /** Kept as typed, like the rate. */
  maxSegments: string;
}

export type DraftProblems = Partial<Record<keyof SettingsDraft, string>>;

export function draftOf(settings: Settings): SettingsDraft {
  return {
    defaultSender: settings.defaultSender,
    defaultCountry: settings.defaultCountry,
    defaultRate: String(settings.defaultRate),
    defaultAutoconvert: settings.defaultAutoconvert,
    apiUrl: settings.apiUrl,
    maxSegments: String(settings.maxSegments),
  };
}

export function maxSegmentsProblem(text: string): string | null {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 1 || n > MAX_SEGMENTS_LIMIT)
    return `Choose a whole number of segments from 1 to ${MAX_SEGMENTS_LIMIT}.`;
  return null;
}

export function rateProblem(text: string): string | null {
  const rate = Number(text);
  if (text.trim() === '' || !Number.isFinite(rate)) return 'Enter a number of messages per second.';
  if (!isAllowedRate(rate)) return `Choose ${RATE_RANGE}.`;
  return null;
}

export function draftProblems(draft: SettingsDraft): DraftProblems {
  const problems: DraftProblems = {};
  const sender = senderProblem(draft.defaultSender);
  if (sender) problems.defaultSender = sender;
  const rate = rateProblem(draft.defaultRate);
  if (rate) problems.defaultRate = rate;
  const url = apiUrlProblem(draft.apiUrl);
  if (url) problems.apiUrl = url;
  const segments = maxSegmentsProblem(draft.maxSegments);
  if (segments) problems.maxSegments = segments;
  if (!/^[A-Z]{2}$/.test(draft.defaultCountry)) problems.defaultCountry = 'Choose a country.';
  return problems;
}

/** The settings.update arguments for a valid draft. */
export function updateOf(draft: SettingsDraft) {
  return {
    defaultSender: draft.defaultSender.trim(),
    defaultCountry: draft.defaultCountry,
    defaultRate: Number(draft.defaultRate),
    defaultAutoconvert: draft.defaultAutoconvert,
    apiUrl: draft.apiUrl.trim(),
    maxSegments: Number(draft.maxSegments),
  };
}
