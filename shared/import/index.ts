// Recipients import: bytes of a CSV file or an Excel workbook in, recipients with statuses and an import report out.
// Pure TypeScript (no node:* modules, no I/O): the renderer's Web Worker, main and the CLI share it.
export { decodeCsvBytes, type CsvEncoding, type DecodedText } from './decode';
export { normalizePhone, countryName, type PhoneResult } from './phone';
export { SAMPLE_BYTES, type Importer, type ImporterUpdate } from './importer';
export { createImporter, importRecipients, isZip } from './workbook';
export type { InflateRaw } from './zip';
export type { ImportOptions, ImportResult, ImportOutcome, ImportProblem, ImportCounts } from './model';
export {
  csvField,
  csvLine,
  rejectedRowsCsv,
  exportDelimiterFor,
  EXPORT_DELIMITERS,
  type ExportDelimiter,
} from './csv';
