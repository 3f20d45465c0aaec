// Small factories for the contract's result types, filled with plausible values: a spec states only
// the fields it is about.
import type { ImportCounts, ImportResult } from '../../shared/import/model';
import type {
  CampaignDetail,
  CampaignProgress,
  CampaignSummary,
  ImportedRecipient,
  MessageRow,
  MessageState,
  RecipientStatus,
  Settings,
  StateCounts,
} from '../../shared/types';
import type { RecipientsDraft } from '../screens/new-campaign/draft';

export function counts(partial: Partial<StateCounts> = {}): StateCounts {
  return { skipped: 0, queued: 0, sending: 0, accepted: 0, failed: 0, unknown: 0, cancelled: 0, ...partial };
}

export function summary(partial: Partial<CampaignSummary> = {}): CampaignSummary {
  return {
    id: 1,
    name: 'Spring offer',
    status: 'completed',
    testMode: true,
    createdAt: '2026-03-07T09:05:00Z',
    startedAt: '2026-03-07T09:06:00Z',
    finishedAt: '2026-03-07T09:07:00Z',
    total: 10,
    counts: counts({ accepted: 8, failed: 1, skipped: 1 }),
    segments: 9,
    predictedCostMicros: 450_000,
    unpricedRows: 0,
    billedCostMicros: null,
    timeToSend: null,
    ...partial,
  };
}

export function detail(partial: Partial<CampaignDetail> = {}): CampaignDetail {
  return {
    ...summary(),
    template: 'Hi {{name}}',
    sender: 'Salon',
    autoconvert: 'on',
    country: 'EE',
    phoneColumn: 'phone',
    columns: ['name', 'phone'],
    sourceFile: 'customers.csv',
    rate: 20,
    maxCostMicros: null,
    headerRow: 1,
    delimiter: ',',
    errors: [],
    ...partial,
  };
}

export function row(
  n: number,
  state: MessageState = 'accepted',
  partial: Partial<MessageRow> = {},
): MessageRow {
  return {
    row: n,
    fields: [`Name ${n}`, `+3725000${String(n).padStart(4, '0')}`],
    rawPhone: `5000${n}`,
    to: `+3725000${String(n).padStart(4, '0')}`,
    state,
    skipReason: null,
    text: `Hi Name ${n}`,
    encoding: 'GSM-7',
    segments: 1,
    predictedCostMicros: 50_000,
    omnimessageId: state === 'accepted' ? `om-${n}` : null,
    messageId: state === 'accepted' ? `msg-${n}` : null,
    httpStatus: state === 'accepted' ? 201 : null,
    errorCode: null,
    errorTitle: null,
    errorDetail: null,
    errorSource: null,
    attempts: 1,
    sentAt: null,
    deliveryStatus: null,
    deliveryError: null,
    deliveredAt: null,
    billedCostMicros: null,
    ...partial,
  };
}

export function progress(partial: Partial<CampaignProgress> = {}): CampaignProgress {
  return {
    campaignId: 1,
    status: 'sending',
    total: 10,
    counts: counts({ accepted: 4, failed: 1, queued: 5 }),
    currentRate: 4.2,
    etaSeconds: 75,
    errors: [],
    stopReason: null,
    ...partial,
  };
}

export function settings(partial: Partial<Settings> = {}): Settings {
  return {
    testMode: false,
    defaultSender: 'Salon',
    defaultCountry: 'EE',
    defaultRate: 20,
    defaultAutoconvert: 'on',
    apiUrl: 'https://api.messente.com/v1',
    maxSegments: 10,
    ...partial,
  };
}

/** An imported data row whose phone is its last field, sendable unless `partial` says otherwise. */
export function recipient(
  row: number,
  fields: string[],
  partial: Partial<ImportedRecipient> = {},
): ImportedRecipient {
  const phone = fields.at(-1) ?? '';
  return { row, fields, rawPhone: phone, to: phone, status: 'ok', reason: null, ...partial };
}

/** The counts an import gives these rows (no blank lines skipped). */
export function importCounts(recipients: readonly ImportedRecipient[]): ImportCounts {
  const count = (status: RecipientStatus) => recipients.filter((r) => r.status === status).length;
  return {
    total: recipients.length,
    ok: count('ok'),
    invalid: count('invalid'),
    duplicate: count('duplicate'),
    opted_out: count('opted_out'),
    blankLinesSkipped: 0,
  };
}

/** A comma CSV with the columns name and phone; its counts follow the recipients given. */
export function importResult(partial: Partial<ImportResult> = {}): ImportResult {
  const recipients = partial.recipients ?? [];
  return {
    fileName: 'customers.csv',
    encoding: 'utf-8',
    delimiter: ',',
    headerRow: 1,
    header: ['name', 'phone'],
    headerIssues: [],
    phoneColumn: 1,
    phoneColumnName: 'phone',
    phoneCandidates: [1],
    countryColumn: null,
    countryColumnName: null,
    recipients,
    counts: importCounts(recipients),
    problems: [],
    ...partial,
  };
}

/** The new-campaign screen's recipients: the import result of a file read with country EE. */
export function recipientsDraft(partial: Partial<ImportResult> = {}): RecipientsDraft {
  const result = importResult(partial);
  return { fileName: result.fileName, file: new Blob([]), country: 'EE', result, timeColumns: [] };
}
