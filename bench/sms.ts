// SMS engine throughput: encode + segment (target ≥ 1 000 000 messages/s on one core) against the
// published peers split-sms and sms-segments-calculator on the same texts, then the whole per-row
// preview (template render + autoconvert + encode + cost).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { compileTemplate, countSegments, previewRow, type PriceTable } from '../shared/sms';
import { seededRandom as prng } from '../shared/random';

interface SplitSms {
  split(text: string, options?: { summary?: boolean }): { characterSet: string; parts: unknown[] };
}
interface SegmentsCalculator {
  SegmentedMessage: new (text: string) => { segmentsCount: number; encodingName: string };
}

// Peers are resolved from the project root, so this works bundled anywhere (dist/bench or /tmp).
const requireFromRoot = createRequire(join(process.cwd(), 'package.json'));

const TEMPLATE =
  'Hi {{name}}, your appointment at {{place}} is on {{date}} at {{time}}. ' +
  'Manage or cancel it here: {{link}} {{note}}';
const COLUMNS = ['name', 'phone', 'place', 'date', 'time', 'link', 'note'];

// Names carry the diacritics GSM-7 has (ü, ä, ö, é, ñ, å, ø ...); the non-GSM ones are in NON_GSM.
const FIRST = [
  'Anna',
  'Jüri',
  'Märt',
  'José',
  'Søren',
  'Åsa',
  'Günther',
  'Björn',
  'Élodie',
  'Begoña',
  'Mari',
  'Kristjan',
];
const LAST = [
  'Tamm',
  'Müller',
  'Nørgaard',
  'Grünberg',
  'Lefèvre',
  'Kask',
  'Smith',
  'Åberg',
  'Peña',
  'Schröder',
];
const PLACES = ['Tallinn Dental Clinic', 'Salon Ilu', 'Tartu Health Centre', 'Pärnu Spa', 'Dr. Kask office'];
const NOTES = [
  '',
  '',
  'See you soon!',
  'Please bring your ID card and arrive 10 minutes early.',
  'Questions? Call +372 600 1234.',
];
// One in five rows carries a character outside GSM-7 (the text becomes UCS-2 unless autoconvert helps).
const NON_GSM = ['😀', 'Ольга', '“VIP”', 'it’s', '👍🏽', 'Õunapuu', 'Dvořák', 'Łukasz', 'Ñandú ☺', '—'];

function generateRows(count: number): string[][] {
  const random = prng(20261125);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const time = `${8 + Math.floor(random() * 10)}:${pick(['00', '15', '30', '45'])}`;
    const link = `https://bo.ok/r/${Math.floor(random() * 36 ** 6).toString(36)}`;
    let name = `${pick(FIRST)} ${pick(LAST)}`;
    let note = pick(NOTES);
    if (random() < 0.2) {
      if (random() < 0.5) name = `${name} ${pick(NON_GSM)}`;
      else note = `${note} ${pick(NON_GSM)}`.trim();
    }
    const phone = `+3725${String(1_000_000 + i).slice(-7)}`;
    rows.push([name, phone, pick(PLACES), `${day}.${month}.2026`, time, link, note]);
  }
  return rows;
}

/** Best of `runs` timings of `fn` over the texts, as messages per second. */
function bestRate(runs: number, count: number, fn: () => number): { rate: number; check: number } {
  let best = Infinity;
  let check = 0;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    check = fn();
    best = Math.min(best, performance.now() - start);
  }
  return { rate: (count / best) * 1000, check };
}

const fmt = (rate: number) => `${Math.round(rate).toLocaleString('en-US')} msg/s`;

export async function runSmsBench(opts: { rows: number; quick?: boolean }): Promise<void> {
  const rows = generateRows(opts.rows);
  const compiled = compileTemplate(TEMPLATE, COLUMNS);
  if (!compiled.ok) throw new Error(compiled.errors[0]!.message);
  const template = compiled.template;
  const texts = rows.map(
    (fields) => previewRow(template, fields, null, { autoconvert: 'off', prices: {} }).text,
  );
  const ucs2 = texts.filter((t) => countSegments(t).encoding === 'UCS-2').length;
  const chars = texts.reduce((sum, t) => sum + t.length, 0);
  console.log(
    `${texts.length.toLocaleString('en-US')} texts, ${(chars / texts.length).toFixed(0)} UTF-16 units on average, ${((ucs2 / texts.length) * 100).toFixed(1)}% UCS-2`,
  );

  const ours = bestRate(3, texts.length, () => {
    let segments = 0;
    for (const t of texts) segments += countSegments(t).segments;
    return segments;
  });
  const target = ours.rate >= 1_000_000 ? 'meets' : 'MISSES';
  console.log(
    `countSegments            ${fmt(ours.rate).padStart(20)}  (${ours.check.toLocaleString('en-US')} segments; ${target} target 1,000,000 msg/s)`,
  );

  // Peers: timed on a subset when a full pass would take minutes (sms-segments-calculator splits graphemes
  // and builds objects per character: ~2 000 msg/s); their rate is per message either way.
  const splitSms = requireFromRoot('split-sms') as SplitSms;
  const calculator = requireFromRoot('sms-segments-calculator') as SegmentsCalculator;
  const peers: [string, number, (t: string) => number][] = [
    [
      'split-sms',
      Math.min(texts.length, opts.quick ? 50_000 : 200_000),
      (t) => splitSms.split(t, { summary: true }).parts.length,
    ],
    [
      'sms-segments-calculator',
      Math.min(texts.length, opts.quick ? 2_000 : 5_000),
      (t) => new calculator.SegmentedMessage(t).segmentsCount,
    ],
  ];
  for (const [name, count, segmentsOf] of peers) {
    const subset = texts.slice(0, count);
    const peer = bestRate(3, count, () => {
      let segments = 0;
      for (const t of subset) segments += segmentsOf(t);
      return segments;
    });
    const disagree = subset.filter((t) => segmentsOf(t) !== countSegments(t).segments).length;
    const note = count < texts.length ? `, timed on the first ${count.toLocaleString('en-US')} texts` : '';
    console.log(
      `${name.padEnd(24)} ${fmt(peer.rate).padStart(20)}  (countSegments is ${(ours.rate / peer.rate).toFixed(1)}× faster; ` +
        `${disagree} segment disagreements${note})`,
    );
  }

  const prices: PriceTable = { EE: { minMicros: 35_000, maxMicros: 41_000, networks: 3 } };
  for (const autoconvert of ['on', 'full'] as const) {
    const options = { autoconvert, prices, typicalSegments: 2 };
    const preview = bestRate(3, rows.length, () => {
      let cost = 0;
      for (const fields of rows) cost += previewRow(template, fields, fields[1]!, options).costMaxMicros ?? 0;
      return cost;
    });
    console.log(
      `previewRow (autoconvert ${autoconvert.padEnd(4)}) ${fmt(preview.rate).padStart(20)}  (render + autoconvert + encode + cost)`,
    );
  }
}
