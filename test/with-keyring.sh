#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keytar talks to a
# real Secret Service (the same code path as a desktop session) without touching the user's keychain.
# Where a session bus and keyring already exist (a developer desktop), set VEO_USE_SESSION_KEYRING=1.
set -euo pipefail
if [ "${VEO_USE_SESSION_KEYRING:-}" = "1" ] || ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  exec "$@"
fi
if [ -z "${VEO_KEYRING_INNER:-}" ]; then
  export VEO_KEYRING_INNER=1
  # A throwaway HOME keeps the test keyring away from any real one.
  export VEO_KEYRING_HOME="$(mktemp -d)"
  exec dbus-run-session -- bash "$0" "$@"
fi
export HOME="$VEO_KEYRING_HOME" XDG_DATA_HOME="$VEO_KEYRING_HOME/.local/share"
mkdir -p "$XDG_DATA_HOME/keyrings"
eval "$(printf 'veo-test' | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
# keytar is an optional dependency: where it did not build, the keychain tests skip instead of failing.
if node -e "require('keytar')" >/dev/null 2>&1; then
  export VEO_KEYRING_AVAILABLE=1
else
  echo "with-keyring: keytar is not installed (optional; run bash scripts/setup-test-deps.sh): keychain tests skip." >&2
fi
exec "$@"
