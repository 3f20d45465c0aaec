// What `preview` and `send` both read before a single row is rendered: the app's Settings as the
// defaults (a flag overrides its one setting), the opt-out list, the recipients file and the
// compiled template. One home, so that a preview never differs from what is sent.
import type { ImportResult } from '../../shared/import';
import type { SegmentCapCheck } from '../../shared/import/rules';
import { compileTemplate, type CompiledTemplate } from '../../shared/sms';
import type { Autoconvert, Settings } from '../../shared/types';
import type { CliCore } from './cli-core';
import { UsageError } from './command';
import { autoconvertOption, readRecipientsFile, segmentCapOption, type InputValues } from './input-options';

export interface CampaignInput {
  settings: Settings;
  /** For national numbers: --country, else the Settings' default country. */
  country: string;
  autoconvert: Autoconvert;
  /** --max-segments, else the Settings' cap. */
  cap: SegmentCapCheck;
  imported: ImportResult;
  template: CompiledTemplate;
}

export async function readCampaignInput(
  cli: CliCore,
  values: InputValues,
  file: string | undefined,
  templateSource: string,
  cwd: string,
): Promise<CampaignInput> {
  const settings = await cli.call('settings.get', {});
  const country = (values.country ?? settings.defaultCountry).toUpperCase();
  const autoconvert = autoconvertOption(values.autoconvert ?? settings.defaultAutoconvert);
  const cap = segmentCapOption(values, settings.maxSegments);
  const optOuts = new Set(await cli.call('optOuts.numbers', {}));
  const imported = readRecipientsFile(file, { ...values, country }, cwd, optOuts);
  const compiled = compileTemplate(templateSource, imported.header);
  if (!compiled.ok) {
    const first = compiled.errors[0]!;
    throw new UsageError(`template error at character ${first.index + 1}: ${first.message}`);
  }
  return { settings, country, autoconvert, cap, imported, template: compiled.template };
}
