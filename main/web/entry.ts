// Process entry of the web host bundle (dist/main/web-host.cjs).
import { runWebHost } from './run-web-host';

void runWebHost(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  process.stderr.write('', () => process.exit(code));
});
