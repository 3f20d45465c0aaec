// A row's appointment in its recipient's words (time, date, weekday), on Intl's data so that each
// language reads as its speakers write it. No date library here: templates render with this alone.

const OPTIONS: Record<'time' | 'date' | 'weekday', Intl.DateTimeFormatOptions> = {
  time: { hour: 'numeric', minute: '2-digit' },
  date: { day: 'numeric', month: 'long' },
  weekday: { weekday: 'long' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'time' | 'date' | 'weekday', locale: string, zone: string): Intl.DateTimeFormat {
  const key = `${kind} ${locale} ${zone}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { ...OPTIONS[kind], timeZone: zone });
    formatters.set(key, format);
  }
  return format;
}

/**
 * `appointment` (ISO 8601) as the recipient reads it: 'time' "9:05" (fi "9.05", en "9:05 AM"),
 * 'date' "4. mai" (en "May 4"), 'weekday' "esmaspäev" (en "Monday"), in `locale` and `zone`.
 * An appointment that does not read as a time is returned as it is.
 */
export function formatAppointment(
  appointment: string,
  kind: 'time' | 'date' | 'weekday',
  locale: string,
  zone: string,
): string {
  const at = Date.parse(appointment);
  if (Number.isNaN(at)) return appointment;
  // Newer ICU data puts a narrow no-break space before "AM": outside GSM-7, it would turn a whole
  // English message into UCS-2 for the sake of one invisible character.
  return formatter(kind, locale, zone)
    .format(at)
    .replace(/[\u00a0\u202f]/g, ' ');
}
