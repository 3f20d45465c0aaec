import type { AppInfo } from '../../shared/types';
import type { CredentialStore } from '../credentials/store';
import type { Db } from '../db/database';
import type { EventBus } from '../events';
import type { MessenteClient } from '../messente';
import type { LiveTarget } from '../messente/targets';
import type { Platform } from '../platform';
import type { Sender } from '../sender';
import type { Pricing } from '../settings/pricing';
import type { StatusPoller } from '../delivery-status/poller';

/** Everything a handler module may use; built once by createCore. */
export interface HandlerContext {
  db: Db;
  events: EventBus;
  platform: Platform;
  credentials: CredentialStore;
  sender: Sender;
  /** Delivery status checks (background schedule and on-demand refresh). */
  statuses: StatusPoller;
  info: () => AppInfo;
  /** The price table for new campaigns of that world (default: the current one); never mixed. */
  pricing: (testMode?: boolean) => Pricing;
  /** Where new campaigns and account calls go now: test mode or not, and the live URLs. */
  target: () => CurrentTarget;
  /**
   * A client for account calls (balance, prices, opt-outs, connection test): the test-mode
   * simulator when test mode is on, else Messente with the saved credentials (UserError when none).
   * The caller closes it.
   */
  messente: () => Promise<MessenteClient>;
  /** The client a campaign sends through (its own test-mode flag decides). The caller closes it. */
  campaignClient: (campaignId: number) => Promise<MessenteClient>;
  /** Where an existing campaign's live requests go: where it was sent, unless flags redirect it. */
  campaignTarget: (campaignId: number) => LiveTarget;
  /** Milliseconds since the epoch; tests hand in a clock (price cache). */
  now: () => number;
}

export interface CurrentTarget {
  testMode: boolean;
  /** The live URLs in use (those of the settings or the command line), even in test mode. */
  live: LiveTarget;
}
