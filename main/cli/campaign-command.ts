// The opening shared by the commands that act on one stored campaign (`cancel`, `resume`, `status`):
// the data folder and target flags, the command's own, and the campaign's id, parsed the same way.
import { TARGET_OPTIONS } from './cli-core';
import { campaignIdArgument, parseOptions } from './command';
import { DATA_DIR_OPTION } from './data-dir';

type OptionsConfig = Parameters<typeof parseOptions>[1];

/** `omnicast NAME ID [flags]`: the flags (the shared ones and the command's `extra`) and the id. */
export function parseCampaignCommand<E extends OptionsConfig>(argv: string[], name: string, extra: E) {
  const { values, positionals } = parseOptions(argv, { ...DATA_DIR_OPTION, ...TARGET_OPTIONS, ...extra });
  return { values, id: campaignIdArgument(positionals, name) };
}
