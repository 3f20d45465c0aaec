import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePricelistCsv, type PriceTable } from '../../shared/sms';
import { openCliCore, type CliCore, type TargetValues } from './cli-core';
import { UsageError, type CliIO } from './command';
import { dataDirFrom } from './data-dir';

export const PRICES_HELP =
  '  --prices PATH            a price list CSV (Messente /pricelist format, or country,price);\n' +
  '                           default: the list saved in the app (test mode keeps its own)';

/** The table of --prices when given (it replaces the saved one for this run), else undefined. */
export function pricesFile(file: string | undefined, cwd: string): PriceTable | undefined {
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    throw new UsageError(`cannot read the price list ${file}.`);
  }
  const { table, problems } = parsePricelistCsv(text);
  if (Object.keys(table).length === 0) {
    throw new UsageError(`${file} holds no prices${problems[0] ? `: ${problems[0]}` : '.'}`);
  }
  return table;
}

/**
 * The core for a command that prices a file (`preview`, `send`): the data folder and target from the
 * flags, and the --prices table, when given, in place of the saved one.
 */
export async function openPricingCore(
  values: TargetValues & { 'data-dir'?: string; prices?: string },
  io: CliIO,
): Promise<CliCore> {
  const prices = pricesFile(values.prices, io.cwd);
  return openCliCore({
    dataDir: dataDirFrom(values['data-dir'], io),
    io,
    target: values,
    ...(prices ? { prices } : {}),
  });
}
