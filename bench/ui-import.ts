// UI import benchmark: the built web host in front of Chromium, a generated CSV
// chosen in the Recipients step, and what the operator feels: when the first recipient rows show, when
// the import is done, and whether the window ever froze (Long Tasks API: main-thread tasks > 50 ms).
import { chromium, type Browser, type Page } from 'playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findChromium } from '../scripts/find-chromium';
import { generateCsv } from './import';

const FIRST_ROWS_TARGET_MS = 2_000;
const LONG_TASK_MS = 100;

interface WebHostProcess {
  origin: string;
  /** name=value of a session cookie: the printed link works once, and every run uses a fresh context. */
  cookie: string;
  stop: () => Promise<void>;
}

/** The built `npm run web` entry on a free loopback port, its one-time link spent for a session. */
async function startWebHost(dataDir: string): Promise<WebHostProcess> {
  // The bench bundle is dist/bench/bench.mjs; `npm run build` puts the host in dist/main.
  const entry = new URL('../main/web-host.cjs', import.meta.url).pathname;
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [entry, '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const link = new URL(await waitForUrl(child));
    const entry = await fetch(`${link.origin}${link.pathname}`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${link.username}:${link.password}`).toString('base64')}`,
      },
      redirect: 'manual',
    });
    const cookie = entry.headers.get('set-cookie')?.split(';')[0];
    if (entry.status !== 303 || !cookie) throw new Error(`the web host's link answered ${entry.status}`);
    return { origin: link.origin, cookie, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the web host did not print its URL within 20 s')),
      20_000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the web host exited with code ${code} before printing its URL`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /(http:\/\/omnicast:[\w-]+@127\.0\.0\.1:\d+\/open)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
}

// Runs in the page before the app (plain JS: this project's tsconfig has no DOM lib). Times are taken
// in the page, so Playwright's polling adds nothing: t0 is the file input's change event; "shown" is
// the first animation frame after the element entered the DOM, i.e. the frame that paints it.
const INSTRUMENT = `(() => {
  const s = { t0: null, firstRowDom: null, firstRowShown: null, reportDom: null, reportShown: null, longTasks: [] };
  window.__omnicastBench = s;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) s.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const painted = (key) => requestAnimationFrame(() => { s[key] = performance.now(); });
  document.addEventListener('change', (event) => {
    const t = event.target;
    if (t instanceof HTMLInputElement && t.type === 'file') s.t0 = performance.now();
  }, true);
  const check = () => {
    if (s.t0 === null) return;
    const report = document.querySelector('section[aria-label="Import report"]');
    if (report && s.reportDom === null) { s.reportDom = performance.now(); painted('reportShown'); }
    if (s.firstRowDom === null && document.querySelector('table[aria-label="Rejected rows"] tbody tr')) {
      s.firstRowDom = performance.now(); painted('firstRowShown');
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

interface LongTask {
  start: number;
  duration: number;
}
interface PageTimes {
  t0: number | null;
  firstRowDom: number | null;
  firstRowShown: number | null;
  reportDom: number | null;
  reportShown: number | null;
  longTasks: LongTask[];
}

export interface UiImportFigures {
  rows: number;
  firstRowsMs: number;
  doneMs: number;
  longestTaskMs: number;
  tasksOver100: number;
  /** Start (ms after the file was chosen) and length of every task over 100 ms, for diagnosis. */
  slowTasks: LongTask[];
}

async function readTimes(page: Page): Promise<PageTimes> {
  return (await page.evaluate('window.__omnicastBench')) as PageTimes;
}

/** One import in a fresh browser context: open the app, New campaign, choose the file, wait, measure. */
async function measureOnce(
  browser: Browser,
  host: WebHostProcess,
  file: string,
  rows: number,
  timeoutMs: number,
): Promise<UiImportFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.addInitScript({ content: INSTRUMENT });
    const eq = host.cookie.indexOf('=');
    await context.addCookies([
      { name: host.cookie.slice(0, eq), value: host.cookie.slice(eq + 1), url: host.origin, httpOnly: true },
    ]);
    await page.goto(`${host.origin}/`);
    await page.getByRole('heading', { name: 'Campaigns', exact: true }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'New campaign' })
      .click();
    await page.getByRole('heading', { name: 'Recipients', exact: true }).waitFor();
    // The journey test's control: the labelled file input, which is a button to assistive tech.
    await page.getByRole('button', { name: 'Recipients file (CSV)' }).setInputFiles(file);
    try {
      await page.waitForFunction(
        () => {
          const s = (globalThis as { __omnicastBench?: PageTimes }).__omnicastBench;
          return s?.reportShown != null && s.firstRowShown != null;
        },
        undefined,
        { timeout: timeoutMs, polling: 100 },
      );
    } catch {
      const s = await readTimes(page);
      const alert = await page.getByRole('alert').allTextContents();
      throw new Error(
        `UI import of ${rows} rows: no import report with rejected rows within ${timeoutMs / 1000} s ` +
          `(file chosen: ${s.t0 !== null}, report: ${s.reportDom !== null}, alert: ${alert.join(' ') || 'none'})`,
      );
    }
    const total = page.getByRole('region', { name: 'Import report' }).getByText(/rows in total/);
    const totalText = (await total.textContent()) ?? '';
    if (totalText.replace(/,/g, '') !== `${rows} rows in total`)
      throw new Error(`the import report says "${totalText}", expected ${rows} rows`);
    // Long task entries are queued after the task ends: let the last ones arrive.
    await page.waitForTimeout(500);
    const s = await readTimes(page);
    if (s.t0 === null || s.firstRowShown === null || s.reportShown === null)
      throw new Error('the page did not record its times');
    const t0 = s.t0;
    // Tasks that overlap the import: from the change event (the task that fired it may start
    // earlier) to the frame that painted the report, plus the settling 500 ms.
    const during = s.longTasks.filter((t) => t.start + t.duration >= t0);
    const slow = during.filter((t) => t.duration > LONG_TASK_MS);
    return {
      rows,
      firstRowsMs: s.firstRowShown - t0,
      doneMs: s.reportShown - t0,
      longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
      tasksOver100: slow.length,
      slowTasks: slow.map((t) => ({ start: t.start - t0, duration: t.duration })),
    };
  } finally {
    await context.close();
  }
}

function printFigures(f: UiImportFigures, withTargets: boolean): void {
  const ms = (n: number): string => `${n.toFixed(0)} ms`;
  const firstOk = f.firstRowsMs < FIRST_ROWS_TARGET_MS ? 'OK' : 'OVER';
  const tasksOk = f.tasksOver100 === 0 ? 'OK' : 'OVER';
  const first = withTargets
    ? `${ms(f.firstRowsMs)} (target < 2 s) ${firstOk}`
    : `${ms(f.firstRowsMs)} (no target)`;
  const tasks = withTargets ? `${f.tasksOver100} (target 0) ${tasksOk}` : `${f.tasksOver100} (no target)`;
  console.log(
    `UI import ${f.rows.toLocaleString('en')} rows: first preview rows ${first} · import done ${ms(f.doneMs)} · ` +
      `longest main-thread task ${ms(f.longestTaskMs)}, tasks > 100 ms: ${tasks}`,
  );
  for (const t of f.slowTasks)
    console.log(`  task of ${ms(t.duration)} starting ${ms(t.start)} after the file was chosen`);
}

export async function runUiImportBench(opts: { quick: boolean }): Promise<UiImportFigures[]> {
  const sizes = opts.quick ? [100_000] : [100_000, 1_000_000];
  const work = mkdtempSync(join(tmpdir(), 'omnicast-bench-ui-'));
  const dataDir = join(work, 'data');
  let host: WebHostProcess | null = null;
  let browser: Browser | null = null;
  const figures: UiImportFigures[] = [];
  try {
    const found = findChromium({
      env: process.env,
      platform: process.platform,
      playwrightChromium: chromium.executablePath(),
    });
    if (!found.ok) throw new Error(found.message);
    host = await startWebHost(dataDir);
    browser = await chromium.launch({
      executablePath: found.executablePath,
      timeout: 30_000,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    console.log(
      'first preview rows = the import step\'s first recipient row on screen (the "Rejected rows" table ' +
        'of the import report, the only recipients table of the Recipients step); times from the file ' +
        "input's change event to the frame that paints it",
    );
    for (const rows of sizes) {
      const file = join(work, `recipients-${rows}.csv`);
      writeFileSync(file, generateCsv(rows));
      const f = await measureOnce(browser, host, file, rows, rows >= 1_000_000 ? 180_000 : 60_000);
      printFigures(f, rows === 100_000);
      figures.push(f);
      rmSync(file, { force: true });
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await host?.stop();
    rmSync(work, { recursive: true, force: true });
  }
  return figures;
}
