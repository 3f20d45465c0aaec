// The one contract between renderer and main: call names, their arguments, their results and the
// events main pushes. Main implements `Handlers` once; IPC and the web host both carry it.
import type {
  AppInfo,
  CampaignDetail,
  CampaignProgress,
  CampaignSummary,
  CredentialsStatus,
  ExportResult,
  MessageRow,
  SavedTemplate,
  Settings,
} from '../types';
import type { CallArgs } from './args';
import type { CallName, EventName } from './names';

export * from './names';
export { callArgs, parseCallArgs, type CallArgs } from './args';

export interface CallResults {
  'app.info': AppInfo;
  'settings.get': Settings;
  'settings.update': Settings;
  'credentials.status': CredentialsStatus;
  'credentials.save': CredentialsStatus;
  'credentials.delete': CredentialsStatus;
  'templates.list': SavedTemplate[];
  'templates.save': SavedTemplate;
  'templates.delete': { deleted: boolean };
  'campaigns.list': CampaignSummary[];
  'campaigns.get': CampaignDetail;
  'campaigns.create': { id: number };
  'campaigns.addRecipients': { added: number; total: number };
  'campaigns.rows': { total: number; rows: MessageRow[] };
  'campaigns.start': CampaignSummary;
  'campaigns.pause': CampaignSummary;
  'campaigns.resume': CampaignSummary;
  'campaigns.cancel': CampaignSummary;
  /** Asks Messente now about every accepted row whose delivery status may still change. */
  'campaigns.refreshStatuses': CampaignSummary;
  /** A new draft campaign from the chosen kinds of rows (original row numbers kept). */
  'campaigns.retryFailed': { id: number };
  /** Accepted rows by latest delivery status (DELIVRD, UNDELIV, …; PENDING = none yet). */
  'campaigns.deliveryCounts': Record<string, number>;
  'reports.export': ExportResult;
}

export interface EventPayloads {
  'campaign.progress': CampaignProgress;
}

// Compile-time proof that results and events cover exactly the names.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const resultsCoverCalls: Exact<keyof CallResults, CallName> = true;
const payloadsCoverEvents: Exact<keyof EventPayloads, EventName> = true;
void resultsCoverCalls;
void payloadsCoverEvents;

/** What every transport delivers for a call: the result, or an error meant for the operator. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: { code: string; message: string } };

/** Main's side: one function per call, receiving already-validated arguments. */
export type Handlers = {
  [K in CallName]: (args: CallArgs<K>) => Promise<CallResults[K]> | CallResults[K];
};

/** The renderer's side: the same for every transport. */
export interface OmnicastApi {
  call<K extends CallName>(name: K, args: CallArgs<K>): Promise<CallResults[K]>;
  on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** The raw bridge a transport exposes (preload or HTTP): untyped, enveloped. */
export interface RawBridge {
  invoke(name: string, args: unknown): Promise<Envelope<unknown>>;
  subscribe(name: string, listener: (payload: unknown) => void): () => void;
}
