#!/usr/bin/env bash
# `npm test`: every check CI runs, cheapest first. The keychain tests need a real Secret Service,
# so when gnome-keyring is installed the whole run happens inside a private D-Bus session with an
# unlocked, throw-away keyring (nothing touches the user's own keychain).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${OMNICAST_TEST_SESSION:-}" ] && command -v dbus-run-session >/dev/null 2>&1 \
  && command -v gnome-keyring-daemon >/dev/null 2>&1; then
  export OMNICAST_TEST_SESSION=1
  exec dbus-run-session -- bash "$0" "$@"
fi
if [ -n "${OMNICAST_TEST_SESSION:-}" ]; then
  # A fresh data home keeps the throw-away keyring out of the user's ~/.local/share/keyrings.
  XDG_DATA_HOME="$(mktemp -d)"
  export XDG_DATA_HOME
  trap 'rm -rf "$XDG_DATA_HOME"' EXIT
  printf 'omnicast-tests' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  export OMNICAST_KEYCHAIN_AVAILABLE=1
fi

echo "== typecheck" && npm run --silent typecheck
echo "== lint" && npm run --silent lint
echo "== Electron security scan (electronegativity)" && node scripts/electronegativity.mjs
echo "== build" && npm run --silent build
echo "== unit and integration tests" && npx vitest run
# Playwright keeps a cache of compiled test files; beside the dependencies rather than in the
# temporary folder, which the run leaves as it found it.
export PLAYWRIGHT_TRANSFORM_CACHE_DIR="${PLAYWRIGHT_TRANSFORM_CACHE_DIR:-$PWD/node_modules/.cache/playwright-transform}"
echo "== end-to-end tests (Chromium)" && npx playwright test --config e2e/playwright.config.ts
