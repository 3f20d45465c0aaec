import { formatMoney } from '../../../shared/money';
import { getCampaign } from '../../db/queries/campaigns';
import {
  parseSendTime,
  resolveSchedule,
  scheduleRefusalMessage,
  type ScheduleChoice,
} from '../../sender/schedule';
import { openCliCore, requireCredentials, TARGET_HELP } from '../cli-core';
import { CliFailure, numberOption, UsageError, type Command } from '../command';
import { confirm } from '../confirm';
import { targetWords } from '../../../shared/send-target';
import { DATA_DIR_HELP, dataDirFrom } from '../data-dir';
import { parseCampaignCommand } from '../campaign-command';
import { runCampaignInCli } from '../run-printer';
import { MAX_BATCH_SIZE, MAX_RATE, MIN_BATCH_SIZE, MIN_RATE } from '../../../shared/limits';

export const resumeCommand: Command = {
  name: 'resume',
  summary: 'resume a paused or interrupted campaign',
  help: [
    'Usage: omnicast resume ID [options]',
    '',
    `  --rate N                 messages per second, ${MIN_RATE} to ${MAX_RATE} (default: the campaign’s)`,
    `  --batch-size N           omnimessages per request, ${MIN_BATCH_SIZE} to ${MAX_BATCH_SIZE} (default 1)`,
    '  --max-cost EUR           spending cap for the whole campaign (default: the campaign’s)',
    '  --at TIME                deliver the rest at this time (time_to_send), e.g. 2026-05-04T18:00+03:00;',
    '                           replaces the campaign’s schedule (without --at a scheduled campaign keeps it)',
    '  --now                    deliver the rest now: clears the campaign’s schedule',
    ...TARGET_HELP,
    DATA_DIR_HELP,
    '  --yes                    resume without asking for confirmation',
    '',
    'Rows whose outcome is unknown (in flight when sending stopped) are never sent again by resume.',
    'A schedule that has passed is refused (exit 2): choose --at NEW or --now.',
    'Exits 0 when the campaign completes. Ctrl-C pauses again.',
  ].join('\n'),
  async run(argv, io) {
    const { values, id } = parseCampaignCommand(argv, 'resume', {
      rate: { type: 'string' },
      'batch-size': { type: 'string' },
      'max-cost': { type: 'string' },
      at: { type: 'string' },
      now: { type: 'boolean' },
      yes: { type: 'boolean' },
    });
    const rate = numberOption('rate', values.rate, MIN_RATE, MAX_RATE);
    const batchSize = numberOption('batch-size', values['batch-size'], MIN_BATCH_SIZE, MAX_BATCH_SIZE);
    const maxCost = numberOption('max-cost', values['max-cost'], 0.000001, 1e9);
    if (values.at !== undefined && values.now) throw new UsageError('give --at TIME or --now, not both.');
    let timeToSend: ScheduleChoice = values.now ? null : undefined;
    if (values.at !== undefined) {
      const at = parseSendTime(values.at, Date.now());
      if (!at.ok) throw new UsageError(`--at: ${at.message}`);
      timeToSend = at.iso;
    }
    const dir = dataDirFrom(values['data-dir'], io);
    const cli = await openCliCore({ dataDir: dir, io, target: values });
    try {
      const campaign = getCampaign(cli.core.db, id);
      if (!campaign) throw new CliFailure(`there is no campaign ${id} in ${dir}.`);
      // `sending` here means the process that was sending it died: resume recovers it first.
      if (!['paused', 'interrupted', 'sending'].includes(campaign.status)) {
        throw new CliFailure(
          `campaign ${id} is ${campaign.status}: only a paused or interrupted campaign can be resumed.`,
        );
      }
      // Checked before asking anything: a schedule that has passed is the operator's choice to make.
      const schedule = resolveSchedule(timeToSend, campaign.timeToSend, Date.now());
      if (!schedule.ok) {
        throw new UsageError(
          schedule.code === 'schedule_passed'
            ? `Campaign "${campaign.name}" was scheduled for delivery at ${schedule.time}, which has passed: resume it with --at NEW to choose a new time, or with --now to deliver the rest now.`
            : scheduleRefusalMessage(campaign.name, schedule),
        );
      }
      const when = schedule.timeToSend ? ` for delivery at ${schedule.timeToSend}` : '';
      const left = campaign.counts.queued;
      await requireCredentials(cli, campaign.testMode);
      // Named as the core resolves it for the requests themselves, so the question and the send agree.
      const target = targetWords(campaign.testMode, cli.core.campaignTarget(id).apiUrl);
      if (!values.yes) {
        const cost =
          campaign.predictedCostMicros === null
            ? ''
            : ` (whole campaign: ${formatMoney(campaign.predictedCostMicros)})`;
        if (
          !(await confirm(
            io,
            `Resume campaign ${id} "${campaign.name}" through ${target}: ${left} messages left to send${when}${cost}?`,
            'resume',
          ))
        ) {
          io.stderr.write('Nothing was sent.\n');
          return 1;
        }
      }
      const final = await runCampaignInCli({
        cli,
        campaignId: id,
        io,
        resume: {
          ...(rate === undefined ? {} : { rate }),
          ...(batchSize === undefined ? {} : { batchSize: Math.round(batchSize) }),
          ...(maxCost === undefined ? {} : { maxCostEur: maxCost }),
          ...(timeToSend === undefined ? {} : { timeToSend }),
        },
      });
      return final.status === 'completed' ? 0 : 1;
    } finally {
      await cli.close();
    }
  },
};
