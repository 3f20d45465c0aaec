// What someone sees who reaches the web host without a live session: a closed browser, a link used
// twice, a session idle for too long, a host restarted. They are (almost always) the operator, so the
// answer says, in their words, how to get back in, and nothing about why the request was refused.
import type { ServerResponse } from 'node:http';
import { sendEnvelope } from './api-call';

export const NO_SESSION_TITLE = 'Open Omnicast from its link';

export const NO_SESSION_STEPS = [
  'Each link Omnicast prints opens it once, in one browser. This one has been used already, or this browser has been away for too long.',
  'Go to the terminal window where Omnicast is running, press Enter there for a new link, and open that link.',
  'If Omnicast is no longer running there, start it again with npm run web and open the link it prints.',
];

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${NO_SESSION_TITLE}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1b1f24; }
  h1 { font-size: 1.4rem; }
  code { background: #eef1f4; padding: 0 0.25rem; border-radius: 3px; }
</style>
</head>
<body>
<main>
<h1>${NO_SESSION_TITLE}</h1>
${NO_SESSION_STEPS.map((step) => `<p>${step.replace('npm run web', '<code>npm run web</code>')}</p>`).join('\n')}
</main>
</body>
</html>
`;

const PLAIN = `${NO_SESSION_TITLE}.\n${NO_SESSION_STEPS.join('\n')}\n`;

/** 403 with the page (browsers), an envelope (the app's own calls) or the same words in plain text. */
export function sendNoSession(response: ServerResponse, pathname: string, status = 403): void {
  if (pathname.startsWith('/api/call/')) {
    sendEnvelope(response, status, {
      ok: false,
      error: { code: 'no_session', message: NO_SESSION_STEPS.slice(1).join(' ') },
    });
    return;
  }
  const html = !pathname.startsWith('/api/');
  response.writeHead(status, {
    'Content-Type': html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(html ? PAGE : PLAIN);
}
