// The entry of every import: a CSV file or an Excel workbook (.xlsx), told apart by their first bytes.
import { createCsvImporter, type Importer, type ImporterUpdate } from './importer';
import type { ImportOptions, ImportOutcome, ImportResult } from './model';
import { joinBytes } from './decode';
import { headerOnly } from './refusals';
import { isZip, workbookToCsv, type SheetDates } from './xlsx';

const NONE: ImporterUpdate = { rows: [], restart: false, error: null };

/**
 * An importer for a CSV file or an Excel workbook (.xlsx), told apart by the first bytes. A workbook
 * is held until finish(), then read sheet to CSV text and imported like a CSV file.
 */
export function createImporter(options: ImportOptions): Importer {
  let csv: Importer | null = null;
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  let workbook = false;
  const start = (bytes: Uint8Array): ImporterUpdate => {
    csv = createCsvImporter(options);
    return csv.push(bytes);
  };
  return {
    push(chunk) {
      if (csv) return csv.push(chunk);
      held.push(chunk);
      heldBytes += chunk.length;
      if (workbook || heldBytes < 4) return NONE;
      const all = joinBytes(held);
      if (isZip(all)) {
        workbook = true;
        return NONE;
      }
      held.length = 0;
      return start(all);
    },
    finish() {
      if (csv) return csv.finish();
      const all = joinBytes(held);
      held.length = 0;
      if (!isZip(all)) {
        start(all);
        return (csv as Importer | null)?.finish() ?? { ok: false, error: headerOnly(options.fileName) };
      }
      return importWorkbook(all, options);
    },
  };
}

function importWorkbook(bytes: Uint8Array, options: ImportOptions): ImportOutcome {
  const sheet = workbookToCsv(bytes, options.fileName, options.sheet);
  if (!sheet.ok) return sheet;
  const text = new TextEncoder().encode(sheet.csv);
  const outcome = importSlices(createCsvImporter({ ...options, delimiter: ',', encoding: 'utf-8' }), text);
  if (outcome.ok) {
    outcome.result.sheets = sheet.sheets;
    outcome.result.sheet = sheet.sheet;
    attachDates(outcome.result, sheet.dates);
  }
  return outcome;
}

/** Gives each row with a date cell its `dates`, one per header column like its `fields`. */
function attachDates(result: ImportResult, dates: SheetDates): void {
  if (dates.size === 0) return;
  const width = result.header.length;
  for (const recipient of result.recipients) {
    const found = dates.get(recipient.row + result.headerRow);
    if (!found) continue;
    const row = found.slice(0, width);
    while (row.length < width) row.push(null);
    if (row.some((d) => d !== null)) recipient.dates = row;
  }
}

/** The whole file at once (CLI, main, tests), through the same streaming path in 4 MB slices. */
export function importRecipients(bytes: Uint8Array, options: ImportOptions): ImportOutcome {
  return importSlices(createImporter(options), bytes);
}

function importSlices(importer: Importer, bytes: Uint8Array): ImportOutcome {
  const slice = 4 * 1024 * 1024;
  for (let at = 0; at < bytes.length; at += slice) {
    if (importer.push(bytes.subarray(at, at + slice)).error) break;
  }
  return importer.finish();
}
