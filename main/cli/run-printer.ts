// Sends (or resumes) one campaign from the command line through the core's own handlers: a
// progress line on stderr, Ctrl-C pauses cleanly, and a summary at the end. Shared by
// `omnicast send` and `omnicast resume`.
import type { CallArgs } from '../../shared/contract';
import type { CampaignProgress } from '../../shared/types';
import type { CliCore } from './cli-core';
import type { CliIO } from './command';

export interface CliRunOptions {
  cli: CliCore;
  campaignId: number;
  io: CliIO;
  /** `campaigns.start` of a draft, or `campaigns.resume` of a paused/interrupted one (a crashed `sending` one too). */
  start?: Omit<CallArgs<'campaigns.start'>, 'id'>;
  resume?: Omit<CallArgs<'campaigns.resume'>, 'id'>;
}

const PLAIN_LINE_EVERY_MS = 5_000;

export async function runCampaignInCli(o: CliRunOptions): Promise<CampaignProgress> {
  const { cli, campaignId: id, io } = o;
  const { events, sender } = cli.core;
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let lastPlain = 0;
  let lineShown = false;
  let pausing = false;
  const unsubscribe = events.subscribe((name, p) => {
    if (name !== 'campaign.progress' || p.campaignId !== id || p.status !== 'sending' || pausing) return;
    if (tty) {
      io.stderr.write(`\r\x1b[K${progressLine(p)}`);
      lineShown = true;
    } else if (Date.now() - lastPlain >= PLAIN_LINE_EVERY_MS) {
      lastPlain = Date.now();
      io.stderr.write(`${progressLine(p)}\n`);
    }
  });
  // Said at once: answers to requests in flight can take up to the client's timeout, and a
  // silent terminal after Ctrl-C invites the second press that leaves rows unknown.
  const onAbort = () => {
    pausing = true;
    const inFlight = sender.progress(id).counts.sending;
    void cli.call('campaigns.pause', { id }).catch(() => undefined);
    if (lineShown) io.stderr.write('\r\x1b[K');
    lineShown = false;
    io.stderr.write(pausingLine(inFlight));
  };
  try {
    if (o.resume) {
      // A campaign this folder's previous run left `sending` (killed, power loss) is recovered first:
      // its in-flight rows become `unknown` and are never sent again by themselves.
      sender.recoverInterrupted(id);
      const unknown = sender.progress(id).counts.unknown;
      if (unknown > 0) {
        io.stderr.write(
          `${unknown} row(s) may or may not have been sent (unknown): they are not sent again. See them, and mark them as sent or send them again, with: omnicast unknown ${id}\n`,
        );
      }
    }
    if (io.signal.aborted) return sender.progress(id);
    io.signal.addEventListener('abort', onAbort, { once: true });
    if (o.start) await cli.call('campaigns.start', { id, ...o.start });
    else await cli.call('campaigns.resume', { id, ...o.resume });
    // Ctrl-C while the start was being checked (balance, schedule) came before anything ran.
    if (io.signal.aborted) await cli.call('campaigns.pause', { id });
    const final = await sender.whenSettled(id);
    if (lineShown) io.stderr.write('\r\x1b[K');
    io.stderr.write(summary(final));
    if (final.counts.unknown > 0) io.stderr.write(`${unknownRowsHint(id)}\n`);
    if (final.status === 'paused' || final.status === 'interrupted') {
      io.stderr.write(
        io.signal.aborted && !final.stopReason
          ? `Paused. Resume with: omnicast resume ${id}\n`
          : `Resume with: omnicast resume ${id}\n`,
      );
    }
    return final;
  } finally {
    io.signal.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m} min ${seconds % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function progressLine(p: CampaignProgress): string {
  const c = p.counts;
  const done = c.accepted + c.failed + c.unknown;
  const sendable = p.total - c.skipped;
  const eta = p.etaSeconds === null ? '' : ` · ${duration(p.etaSeconds)} left`;
  return `Campaign ${p.campaignId}: ${done}/${sendable} done (${c.accepted} accepted, ${c.failed} failed, ${c.unknown} unknown) · ${p.currentRate.toFixed(1)} messages/s${eta}`;
}

/** Said wherever a campaign's counts show unknown rows (send, resume, status). */
export function unknownRowsHint(campaignId: number): string {
  return `Rows with an unknown outcome are never sent again by themselves: decide with omnicast unknown ${campaignId}`;
}

function pausingLine(inFlight: number): string {
  return inFlight > 0
    ? `Pausing: nothing new is sent; waiting for the answers to ${inFlight} request(s) in flight. Ctrl-C again quits at once (rows still in flight then become unknown).\n`
    : 'Pausing: nothing new is sent.\n';
}

export function summary(p: CampaignProgress): string {
  const c = p.counts;
  const lines = [
    `Campaign ${p.campaignId} ${p.status}: ${c.accepted} accepted, ${c.failed} failed, ${c.unknown} unknown, ${c.queued} not sent yet, ${c.cancelled} cancelled, ${c.skipped} skipped.`,
    ...p.errors.map((e) => `  ${e.code} ${e.title} (${e.count}): ${e.explanation}`),
  ];
  if (p.stopReason) lines.push(`Stopped: ${p.stopReason}`);
  return `${lines.join('\n')}\n`;
}
