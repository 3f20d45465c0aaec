// `omnicast cancel ID`: stops a campaign for good. Rows still queued are never sent; when the
// campaign was sent for a later delivery time, its accepted messages are cancelled at Messente
// too, and each row says what became of it (cancelled, already sent, or unknown).
import { createInterface } from 'node:readline/promises';
import { getCampaign } from '../../db/queries/campaigns';
import { EventBus } from '../../events';
import { createMessenteClient } from '../../messente';
import { createSender, type UnscheduleSummary } from '../../sender';
import { CliFailure, parseOptions, UsageError, type CliIO, type Command } from '../command';
import { API_HELP, API_OPTIONS, apiUrls, credentialsFromEnvOrKeychain } from '../credentials';
import { DATA_DIR_HELP, DATA_DIR_OPTION, dataDirFrom, openDataDir } from '../data-dir';

export const cancelCommand: Command = {
  name: 'cancel',
  summary: 'cancel a campaign: queued rows are not sent, scheduled messages are cancelled at Messente',
  help: [
    'Usage: omnicast cancel ID [options]',
    '',
    ...API_HELP,
    DATA_DIR_HELP,
    '  --yes                    cancel without asking for confirmation',
    '',
    'A campaign sent with a delivery time (--at) has its accepted messages cancelled at Messente',
    'before that time; after it they are reported as already sent.',
    'Exits 0 when the campaign is cancelled and every scheduled message was answered for;',
    '1 when Messente refused the credentials part-way (run it again for the rest).',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, {
      ...DATA_DIR_OPTION,
      ...API_OPTIONS,
      yes: { type: 'boolean' },
    });
    if (positionals.length !== 1 || !/^\d+$/.test(positionals[0]!)) {
      throw new UsageError(
        'give the id of one campaign, e.g. omnicast cancel 3 (omnicast campaigns lists them).',
      );
    }
    const id = Number(positionals[0]);
    const urls = apiUrls(values);
    const dir = dataDirFrom(values['data-dir'], io);
    const db = openDataDir(dir);
    try {
      const campaign = getCampaign(db, id);
      if (!campaign) throw new CliFailure(`there is no campaign ${id} in ${dir}.`);
      if (campaign.status === 'sending') {
        throw new CliFailure(
          `campaign ${id} is sending in another omnicast or in the app: stop it there (Ctrl-C pauses it), then cancel.`,
        );
      }
      const scheduled = campaign.timeToSend !== null && campaign.counts.accepted > 0;
      if (scheduled && campaign.testMode) {
        throw new CliFailure(
          `campaign ${id} was sent in test mode by the app: its scheduled messages live in the app's simulator, cancel it in the app.`,
        );
      }
      const credentials = scheduled ? await credentialsFromEnvOrKeychain(io) : { username: '', password: '' };
      const what = [
        `${campaign.counts.queued} queued rows will not be sent`,
        ...(scheduled
          ? [
              `${campaign.counts.accepted} messages scheduled for ${campaign.timeToSend} are cancelled at Messente`,
            ]
          : []),
      ].join('; ');
      if (!values.yes && !(await confirm(io, `Cancel campaign ${id} "${campaign.name}": ${what}?`))) {
        io.stderr.write('Nothing was changed.\n');
        return 1;
      }
      const sender = createSender({
        db,
        events: new EventBus(),
        getClient: async () => createMessenteClient({ ...urls, ...credentials }),
      });
      let summary: UnscheduleSummary | null;
      try {
        summary = await sender.cancel(id);
      } finally {
        await sender.shutdown();
      }
      const after = getCampaign(db, id)!;
      io.stdout.write(
        `Campaign ${id} "${after.name}" is ${after.status}: ${after.counts.cancelled} rows cancelled.\n`,
      );
      if (summary) {
        io.stdout.write(
          `Scheduled messages at Messente: ${summary.cancelled} cancelled, ${summary.alreadySent} already sent, ${summary.unknown} unknown.\n`,
        );
        if (summary.unknown > 0)
          io.stdout.write(
            'Unknown: Messente did not say whether those were cancelled; they may still be delivered.\n',
          );
        if (summary.stopped) {
          io.stderr.write(`${summary.stopped}\n`);
          return 1;
        }
      }
      return 0;
    } finally {
      db.close();
    }
  },
};

async function confirm(io: CliIO, question: string): Promise<boolean> {
  if (!process.stdin.isTTY)
    throw new UsageError('no terminal to confirm on: add --yes to cancel without asking.');
  const rl = createInterface({ input: process.stdin, output: io.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}
