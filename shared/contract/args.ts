// Validation schemas for every call's arguments. Whatever arrives over IPC or HTTP is `unknown`
// until it has passed the schema of its call name.
import { z } from 'zod';
import { apiUrlProblem } from '../api-url';
import type { CallName } from './names';
import { AUTOCONVERT_MODES, MAX_BATCH_SIZE, MAX_RATE, MIN_BATCH_SIZE, MIN_RATE } from '../limits';
import { EXPORT_DELIMITERS } from '../import/csv';
import { MAX_SEGMENTS_LIMIT } from '../import/rules';
import { deliveryPlanSchema, problemChoicesSchema } from './delivery-plan';

const id = z.number().int().positive();
const autoconvert = z.enum(AUTOCONVERT_MODES);
const rate = z.number().min(MIN_RATE).max(MAX_RATE);
const batchSize = z.number().int().min(MIN_BATCH_SIZE).max(MAX_BATCH_SIZE);
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as EE');
const shortText = z.string().max(1_000);
const exportDelimiter = z.enum(EXPORT_DELIMITERS);
/** Files read in the renderer and sent as text: 5 MB of characters at most. */
export const MAX_FILE_CHARS = 5 * 1024 * 1024;
const fileText = z.string().max(MAX_FILE_CHARS, 'the file is larger than 5 MB');
const fileName = z.string().max(1_000);
/** The renderer's name for one export, so that it can follow and cancel it before it ends. */
const exportId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, '8 to 64 letters, digits or dashes');
const e164 = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'a phone number in international form such as +37251234567');

const importedRecipient = z.strictObject({
  row: z.number().int().positive(),
  fields: z.array(z.string().max(10_000)).max(500),
  rawPhone: z.string().max(1_000),
  to: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/)
    .nullable(),
  status: z.enum(['ok', 'invalid', 'duplicate', 'opted_out']),
  reason: shortText.nullable(),
  /** A workbook's date cells as zone-less ISO date-times, one per column (null where none). */
  dates: z.array(z.string().max(40).nullable()).max(500).optional(),
});

export const callArgs = {
  'app.info': z.strictObject({}),
  'settings.get': z.strictObject({}),
  'settings.update': z.strictObject({
    testMode: z.boolean().optional(),
    defaultSender: z.string().max(15).optional(),
    defaultCountry: countryCode.optional(),
    defaultRate: rate.optional(),
    defaultAutoconvert: autoconvert.optional(),
    apiUrl: z
      .string()
      .superRefine((text, ctx) => {
        const problem = apiUrlProblem(text);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    maxSegments: z.number().int().min(1).max(MAX_SEGMENTS_LIMIT).optional(),
  }),
  'credentials.status': z.strictObject({}),
  'credentials.save': z.strictObject({
    username: z.string().min(1).max(200),
    password: z.string().min(1).max(500),
  }),
  'credentials.delete': z.strictObject({}),
  'templates.list': z.strictObject({}),
  'templates.save': z.strictObject({
    id: id.optional(),
    name: z.string().trim().min(1).max(200),
    body: z.string().max(10_000),
  }),
  'templates.delete': z.strictObject({ id }),
  'campaigns.list': z.strictObject({}),
  'campaigns.get': z.strictObject({ id }),
  'campaigns.create': z.strictObject({
    name: z.string().trim().min(1).max(200),
    template: z.string().min(1).max(10_000),
    sender: z.string().max(15),
    autoconvert,
    country: countryCode,
    columns: z.array(z.string().max(1_000)).min(1).max(500),
    phoneColumn: z.number().int().nonnegative(),
    sourceFile: z.string().max(1_000),
    /** 1-based spreadsheet row of the header, so that reports show the spreadsheet's row numbers. */
    headerRow: z.number().int().positive().optional(),
    /** The imported file's delimiter: the delivery report's default. */
    delimiter: exportDelimiter.optional(),
    /** Each row delivered at its own time from a time column; absent = the campaign's one time. */
    deliveryPlan: deliveryPlanSchema.optional(),
    /** What becomes of rows whose time cannot be scheduled; absent = every group skipped. */
    problemChoices: problemChoicesSchema.optional(),
  }),
  'campaigns.addRecipients': z.strictObject({
    id,
    recipients: z.array(importedRecipient).max(10_000),
  }),
  'campaigns.rows': z.strictObject({
    id,
    offset: z.number().int().nonnegative(),
    limit: z.number().int().positive().max(5_000),
    states: z
      .array(z.enum(['skipped', 'queued', 'sending', 'accepted', 'failed', 'unknown', 'cancelled']))
      .optional(),
    // The report's table filters: AND across kinds, OR within one (see main's RowFilter).
    /** Accepted rows by latest delivery status; PENDING = accepted without a status yet. */
    deliveryStatuses: z
      .array(z.string().regex(/^[A-Z_]{2,12}$/, 'a delivery status such as DELIVRD'))
      .max(20)
      .optional(),
    /** Failed and unknown rows by error code, as CampaignDetail.errors groups them ('unknown' = none). */
    errorCodes: z.array(z.string().min(1).max(10)).max(20).optional(),
    /** Only rows whose billed cost differs from the predicted (maximum) cost. */
    billedDiffers: z.boolean().optional(),
  }),
  'campaigns.start': z.strictObject({
    id,
    rate,
    maxCostEur: z.number().positive().optional(),
    /** Scheduled delivery, ISO-8601 with a UTC offset; checked (future, ≤ 30 days) by the handler. */
    timeToSend: z.string().max(40).optional(),
    /** Omnimessages per request (1 = single sends, the default). */
    batchSize: batchSize.optional(),
    /** The operator saw that the balance may not cover the predicted top cost and sends anyway. */
    ignoreBalance: z.boolean().optional(),
  }),
  /** cancelScheduled: also cancel the scheduled messages at Messente; they are queued again. */
  'campaigns.pause': z.strictObject({ id, cancelScheduled: z.boolean().optional() }),
  /** timeToSend: a new schedule, null = deliver the rest now; absent = keep the stored one. */
  'campaigns.resume': z.strictObject({
    id,
    timeToSend: z.string().max(40).nullable().optional(),
    /** Overrides of the campaign's saved rate and spending cap, and the request size. */
    rate: rate.optional(),
    maxCostEur: z.number().positive().optional(),
    batchSize: batchSize.optional(),
  }),
  'campaigns.cancel': z.strictObject({ id }),
  /** Data row numbers (MessageRow.row) whose own scheduled message is taken back at Messente. */
  'campaigns.cancelRows': z.strictObject({
    id,
    rows: z.array(z.number().int().positive()).min(1).max(10_000),
  }),
  'campaigns.refreshStatuses': z.strictObject({ id }),
  'campaigns.cancelRefresh': z.strictObject({ id }),
  'campaigns.retryFailed': z.strictObject({
    id,
    kinds: z
      .array(z.enum(['failed', 'undelivered', 'unknown']))
      .min(1)
      .max(3),
  }),
  'campaigns.deliveryCounts': z.strictObject({ id }),
  'campaigns.testSend': z.strictObject({
    template: z.string().min(1).max(10_000),
    columns: z.array(z.string().max(1_000)).min(1).max(500),
    fields: z.array(z.string().max(10_000)).max(500),
    to: e164,
    sender: z.string().max(15),
    autoconvert,
  }),
  /** rows: MessageRow.row values (data rows; the table shows row + headerRow); null = every unknown row. */
  'campaigns.markUnknown': z.strictObject({
    id,
    rows: z.array(z.number().int().positive()).min(1).max(1_000_000).nullable(),
    as: z.enum(['sent', 'again']),
  }),
  'reports.export': z.strictObject({
    id,
    failedOnly: z.boolean(),
    exportId: exportId.optional(),
    /** Absent: the campaign's own (its imported file's). */
    delimiter: exportDelimiter.optional(),
  }),
  'reports.cancelExport': z.strictObject({ exportId }),
  'reports.exportCampaigns': z.strictObject({ delimiter: exportDelimiter.optional() }),
  'credentials.test': z.strictObject({}),
  /** campaignId: the balance of the account that campaign sends through (its own target). */
  'account.balance': z.strictObject({ campaignId: id.optional() }),
  'prices.get': z.strictObject({}),
  'prices.fetch': z.strictObject({}),
  'prices.import': z.strictObject({ csv: fileText, fileName }),
  'prices.set': z.strictObject({
    country: countryCode,
    price: z.string().trim().min(1).max(20).nullable(),
  }),
  'replacements.get': z.strictObject({}),
  'replacements.set': z.strictObject({ text: z.string().max(100_000) }),
  'optOuts.list': z.strictObject({
    offset: z.number().int().nonnegative(),
    limit: z.number().int().positive().max(5_000),
  }),
  'optOuts.numbers': z.strictObject({}),
  'optOuts.add': z.strictObject({
    phones: z.array(z.string().max(100)).min(1).max(10_000),
    defaultCountry: countryCode,
  }),
  'optOuts.remove': z.strictObject({ phone: e164 }),
  'optOuts.import': z.strictObject({ csv: fileText, fileName, defaultCountry: countryCode }),
  'optOuts.export': z.strictObject({}),
  'optOuts.sync': z.strictObject({}),
} satisfies Record<CallName, z.ZodType>;

export type CallArgs<K extends CallName> = z.infer<(typeof callArgs)[K]>;

export type ParseResult<K extends CallName> =
  { ok: true; args: CallArgs<K> } | { ok: false; message: string };

/** Validates one call's arguments; the message names the offending field for the operator. */
export function parseCallArgs<K extends CallName>(name: K, raw: unknown): ParseResult<K> {
  const parsed = callArgs[name].safeParse(raw ?? {});
  if (parsed.success) return { ok: true, args: parsed.data as CallArgs<K> };
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return { ok: false, message: `Invalid arguments for ${name}: ${where}${first?.message ?? 'invalid'}` };
}

/** Which rows the report's table shows: `campaigns.rows` without the paging. */
export type RowsFilter = Omit<CallArgs<'campaigns.rows'>, 'id' | 'offset' | 'limit'>;
