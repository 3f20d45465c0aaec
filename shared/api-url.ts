// Which Messente API addresses Omnicast will send the account's credentials to. The password travels
// with every request, so: encrypted (https) unless the server is this very computer (the simulator),
// and never a user:password@ part, which would send a second secret along in the address itself.

const EXAMPLE = 'https://api.messente.com/v1';

/** 127.0.0.0/8, ::1 and localhost: addresses that never leave this computer. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(host);
}

/** null when the address is acceptable, else one sentence for the operator saying why not. */
export function apiUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return `Enter a web address starting with https://, such as ${EXAMPLE}.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `Enter a web address starting with https://, such as ${EXAMPLE}.`;
  }
  if (url.username !== '' || url.password !== '') {
    return 'Leave the user name and password out of the address: Omnicast sends your saved API credentials itself.';
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return `Use an https:// address, such as ${EXAMPLE}: over plain http:// your API password would travel unencrypted (http:// is accepted only for this computer, e.g. http://127.0.0.1).`;
  }
  return null;
}
