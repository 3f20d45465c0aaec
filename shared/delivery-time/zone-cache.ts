// A time zone whose UTC offsets are remembered. Luxon asks the platform's Intl for a zone's offset
// each time a moment is made or moved, the costliest step of planning a row; a campaign's rows fall
// on a few thousand quarter-hours of a few zones, and offsets only change on a quarter-hour.
import { IANAZone, Info, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

const QUARTER_HOUR_MS = 15 * 60_000;
/** Past this many remembered quarter-hours a zone forgets them all, so memory stays bounded. */
const MAX_REMEMBERED = 50_000;

class RememberingZone extends Zone {
  private readonly offsets = new Map<number, number>();

  constructor(private readonly inner: IANAZone) {
    super();
  }

  // Reported as an IANA zone, so that Luxon formats it by name through Intl as it does the original.
  override get type(): string {
    return 'iana';
  }
  override get name(): string {
    return this.inner.name;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): true {
    return true;
  }
  override offsetName(ts: number, options: ZoneOffsetOptions): string {
    return this.inner.offsetName(ts, options) ?? '';
  }
  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.inner.formatOffset(ts, format);
  }
  override offset(ts: number): number {
    const quarter = Math.floor(ts / QUARTER_HOUR_MS);
    let offset = this.offsets.get(quarter);
    if (offset === undefined) {
      if (this.offsets.size >= MAX_REMEMBERED) this.offsets.clear();
      offset = this.inner.offset(ts);
      this.offsets.set(quarter, offset);
    }
    return offset;
  }
  override equals(other: Zone): boolean {
    return other.type === 'iana' && other.name === this.name;
  }
}

const zones = new Map<string, Zone | null>();

/**
 * The zone `name` with its offsets remembered ('UTC' and fixed offsets as Luxon has them, they need
 * no Intl), or null when this runtime does not know it.
 */
export function rememberingZone(name: string): Zone | null {
  let zone = zones.get(name);
  if (zone === undefined) {
    const plain = Info.normalizeZone(name);
    zone = !plain.isValid ? null : plain instanceof IANAZone ? new RememberingZone(plain) : plain;
    zones.set(name, zone);
  }
  return zone;
}
