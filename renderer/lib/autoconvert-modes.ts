// Messente's autoconvert modes in the operator's words, in the order the product lists them. The
// new campaign's choice and the default in Settings both show these, so they cannot drift apart.
import { AUTOCONVERT_MODES, type Autoconvert } from '../../shared/limits';

const WORDS: Record<Autoconvert, { label: string; explain: string }> = {
  on: {
    label: 'On',
    explain: 'Replaces common typographic characters (curly quotes, dashes, …) with plain ones.',
  },
  full: {
    label: 'Full',
    explain: 'Also replaces accented letters with their base letter, so most texts stay GSM-7.',
  },
  off: {
    label: 'Off',
    explain: 'Sends the text exactly as written; any special character makes it UCS-2 (Unicode).',
  },
};

export const AUTOCONVERT_CHOICES: readonly { value: Autoconvert; label: string; explain: string }[] =
  AUTOCONVERT_MODES.map((value) => ({ value, ...WORDS[value] }));
