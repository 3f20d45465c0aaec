// `omnicast cancel ID`: stops a campaign for good, through the app's own campaigns.cancel. Rows
// still queued are never sent; when the campaign was sent for a later delivery time, its accepted
// messages are cancelled at Messente too, and each row says what became of it (cancelled, already
// sent, or unknown). The campaign keeps where it was sent (test simulator or live API).
import { getCampaign } from '../../db/queries/campaigns';
import { openCliCore, requireCredentials, TARGET_HELP } from '../cli-core';
import { CliFailure, type Command } from '../command';
import { confirm } from '../confirm';
import { DATA_DIR_HELP, dataDirFrom } from '../data-dir';
import { parseCampaignCommand } from '../campaign-command';

export const cancelCommand: Command = {
  name: 'cancel',
  summary: 'cancel a campaign: queued rows are not sent, scheduled messages are cancelled at Messente',
  help: [
    'Usage: omnicast cancel ID [options]',
    '',
    ...TARGET_HELP,
    DATA_DIR_HELP,
    '  --yes                    cancel without asking for confirmation',
    '',
    'A campaign sent with a delivery time (--at) has its accepted messages cancelled at Messente',
    'before that time; after it they are reported as already sent.',
    'Exits 0 when the campaign is cancelled and every scheduled message was answered for;',
    '1 when it could not be (Messente refused the credentials part-way: run it again for the rest).',
  ].join('\n'),
  async run(argv, io) {
    const { values, id } = parseCampaignCommand(argv, 'cancel', {
      yes: { type: 'boolean' },
    });
    const dir = dataDirFrom(values['data-dir'], io);
    const cli = await openCliCore({ dataDir: dir, io, target: values });
    try {
      const campaign = getCampaign(cli.core.db, id);
      if (!campaign) throw new CliFailure(`there is no campaign ${id} in ${dir}.`);
      if (campaign.status === 'sending') {
        throw new CliFailure(
          `campaign ${id} is sending in another omnicast or in the app: stop it there (Ctrl-C pauses it), then cancel.`,
        );
      }
      const scheduled = campaign.timeToSend !== null && campaign.counts.accepted > 0;
      if (scheduled) await requireCredentials(cli, campaign.testMode);
      const what = [
        `${campaign.counts.queued} queued rows will not be sent`,
        ...(scheduled
          ? [
              `${campaign.counts.accepted} messages scheduled for ${campaign.timeToSend} are cancelled at Messente`,
            ]
          : []),
      ].join('; ');
      if (
        !values.yes &&
        !(await confirm(io, `Cancel campaign ${id} "${campaign.name}": ${what}?`, 'cancel'))
      ) {
        io.stderr.write('Nothing was changed.\n');
        return 1;
      }
      const after = await cli.call('campaigns.cancel', { id });
      io.stdout.write(
        `Campaign ${id} "${after.name}" is ${after.status}: ${after.counts.cancelled} rows cancelled.\n`,
      );
      const sc = after.scheduleCancel;
      if (sc) {
        io.stdout.write(
          `Scheduled messages at Messente: ${sc.cancelled} cancelled, ${sc.alreadySent} already sent, ${sc.unknown} unknown.\n`,
        );
        if (sc.unknown > 0)
          io.stdout.write(
            'Unknown: Messente did not say whether those were cancelled; they may still be delivered.\n',
          );
      }
      return after.status === 'cancelled' ? 0 : 1;
    } finally {
      await cli.close();
    }
  },
};
