// Exports leave the web host as one-time downloads, streamed no faster than the browser reads them.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { importRecipients } from '../../shared/import';
import { createDownloadPlatform } from './downloads';
import { startedWebHost } from './web-host-fixture';

const web = startedWebHost();
const { downloads, send, post, withCookie } = web;

describe('web host downloads', () => {
  it('streams an export once, as a CSV attachment, waiting for a slow reader', async () => {
    const CHUNK = 'x'.repeat(1023) + '\n';
    const TOTAL = 40_000; // ~40 MB if nothing held the producer back
    let produced = 0;
    const offered = await downloads.offerExport({
      suggestedName: 'Réport "1".csv',
      async write(sink) {
        for (let i = 0; i < TOTAL; i++) {
          await sink(CHUNK);
          produced++;
        }
        return TOTAL;
      },
    });
    if (offered.kind !== 'download') throw new Error('expected a download');
    expect(offered.url).toMatch(/^\/api\/download\/[\w-]{20,}$/);

    const { headers, bytes, producedWhilePaused } = await new Promise<{
      headers: IncomingHttpHeaders;
      bytes: number;
      producedWhilePaused: number;
    }>((resolve, reject) => {
      httpRequest(
        {
          host: '127.0.0.1',
          port: web.host.port,
          path: offered.url,
          headers: withCookie({ Host: `127.0.0.1:${web.host.port}` }),
        },
        (res) => {
          res.pause();
          setTimeout(() => {
            const producedWhilePaused = produced;
            let bytes = 0;
            res.on('data', (c: Buffer) => (bytes += c.length));
            res.on('end', () => resolve({ headers: res.headers, bytes, producedWhilePaused }));
            res.resume();
          }, 300);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(headers['content-disposition']).toBe(
      `attachment; filename="R_port _1_.csv"; filename*=UTF-8''${encodeURIComponent('Réport "1".csv')}`,
    );
    expect(bytes).toBe(TOTAL * CHUNK.length);
    // Without backpressure all 40 000 chunks would be produced into memory before anyone reads.
    expect(producedWhilePaused).toBeLessThan(TOTAL / 4);
    expect((await send(offered.url, { headers: withCookie() })).status).toBe(404);
  });

  it('exports a real campaign report through reports.export and its download URL', async () => {
    const imported = importRecipients(new TextEncoder().encode('name,phone\nMari,+372 5123 4567\n'), {
      fileName: 'c.csv',
      defaultCountry: 'EE',
    });
    if (!imported.ok) throw new Error(imported.error);
    const created = JSON.parse(
      (
        await post(
          'campaigns.create',
          JSON.stringify({
            name: 'Web export',
            template: 'Hi {{name}}',
            sender: 'Shop',
            autoconvert: 'on',
            country: 'EE',
            columns: imported.result.header,
            phoneColumn: imported.result.phoneColumn,
            sourceFile: 'c.csv',
          }),
        )
      ).body,
    );
    const id = created.result.id as number;
    await post('campaigns.addRecipients', JSON.stringify({ id, recipients: imported.result.recipients }));
    const exported = JSON.parse(
      (await post('reports.export', JSON.stringify({ id, failedOnly: false }))).body,
    );
    expect(exported.result.kind).toBe('download');
    const csv = await send(exported.result.url, { headers: withCookie() });
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('+37251234567');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"/);
  });

  it('expires unused download ids', async () => {
    const shortLived = createDownloadPlatform(20);
    const offered = await shortLived.offerExport({ suggestedName: 'a.csv', write: async () => 0 });
    if (offered.kind !== 'download') throw new Error('expected a download');
    await new Promise((r) => setTimeout(r, 60));
    expect(shortLived.take(offered.url.split('/').pop()!)).toBeUndefined();
  });
});
