// Files the operator picks are read here, in the renderer, and sent to main as text: main never
// opens a path the renderer names. The 5 MB limit is checked before reading.
import { MAX_FILE_CHARS } from '../../../shared/contract/args';
import { errorMessage } from '../../../shared/errors';

export const MAX_FILE_BYTES = MAX_FILE_CHARS;

export async function readTextFile(file: File): Promise<string> {
  if (file.size > MAX_FILE_BYTES) {
    throw new Error(`${file.name} is larger than 5 MB: split it into smaller files.`);
  }
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`${file.name} could not be read.`));
    reader.readAsText(file);
  });
}

export function errorText(e: unknown): string {
  return errorMessage(e);
}
