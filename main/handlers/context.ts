import type { AppInfo } from '../../shared/types';
import type { CredentialStore } from '../credentials/store';
import type { Db } from '../db/database';
import type { EventBus } from '../events';
import type { Platform } from '../platform';
import type { Sender } from '../sender';
import type { Pricing } from '../settings/pricing';
import type { StatusPoller } from '../status/poller';

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
  pricing: () => Pricing;
}
