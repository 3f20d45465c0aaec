// Child process of crash.test.ts: sends (or resumes) one campaign of a data folder exactly as the
// CLI does, so that the test can SIGKILL it at any moment. Argv: DATA_DIR CAMPAIGN_ID API_URL RATE.
import { openDatabase } from '../db/database';
import { getCampaign } from '../db/queries/campaigns';
import { runCampaignInCli } from './cli-run';
import { createTestClient } from './test-support';

async function main(): Promise<number> {
  const [dataDir, idText, apiUrl, rateText] = process.argv.slice(2);
  const db = openDatabase(dataDir!);
  const id = Number(idText);
  const status = getCampaign(db, id)?.status;
  const final = await runCampaignInCli({
    db,
    campaignId: id,
    io: {
      stdout: process.stdout,
      stderr: process.stderr,
      env: {},
      cwd: process.cwd(),
      signal: new AbortController().signal,
    },
    mode: status === 'draft' ? 'start' : 'resume',
    options: { rate: Number(rateText) },
    getClient: async () => createTestClient(apiUrl!, 5_000),
  });
  db.close();
  return final.status === 'completed' ? 0 : 1;
}

void main().then((code) => process.exit(code));
