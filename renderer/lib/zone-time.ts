// Times on a given zone's clock: each row of a campaign delivered row by row has its own zone, and
// the operator reads them all on theirs.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: zone,
    });
    formats.set(zone, f);
  }
  return f;
}

/** "Mon 7 Dec, 09:00" in `zone`; "—" for a value that is not a time. */
export function timeIn(iso: string, zone: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? '—'
    : formatFor(zone)
        .format(date)
        .replace(/^(\w+),? /, '$1 ');
}

/** The city part of a zone name: "Europe/Helsinki" → "Helsinki", "America/New_York" → "New York". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
}
