#!/usr/bin/env bash
# What the tests need beyond npm, on Debian/Ubuntu: installed once, then a no-op. Called by
# `npm test` (so a fresh clone sets itself up) and by .ci/run.
#   gnome-keyring + dbus-daemon  a real Secret Service for the keychain tests (test/with-keyring.sh)
#   chromium                     the end-to-end tests drive Debian's build, which (unlike Playwright's
#                                downloads, unavailable here) plays H.264
#   fonts-wqy-microhei           Chinese glyphs (5 MB): the 简体中文 specs measure whether labels fit
#                                and keep screenshots, and without a CJK font Chromium draws boxes
#   libsecret-1-dev              keytar's headers: keytar is an optional dependency, so `npm ci` on a
#                                machine without them skips it (no compiler error); once they are
#                                here this script installs keytar, so the keychain tests can run
#                                (without keytar they skip, and the desktop app uses its safeStorage
#                                fallback, saying so in Settings)
# Skips apt when everything is there, when this is not Debian/Ubuntu, and when not root (it then
# prints the command to run). Never fails the test run by itself: a missing package fails the
# tests that need it, with their own message.
set -uo pipefail
cd "$(dirname "$0")/.."

# keytar, when `npm ci` skipped it (its optional build failed) and libsecret's headers are here now.
ensure_keytar() {
  [ -d node_modules ] || return 0 # before `npm ci` (.ci/run): that install builds keytar itself
  node -e "require('keytar')" >/dev/null 2>&1 && return 0
  if ! dpkg -s libsecret-1-dev >/dev/null 2>&1 || ! command -v make >/dev/null 2>&1 || ! command -v g++ >/dev/null 2>&1; then
    echo "setup-test-deps: keytar is not installed and cannot be built here (needs libsecret-1-dev, make, g++); keychain tests will skip."
    return 0
  fi
  local version
  version=$(node -p "require('./package.json').optionalDependencies.keytar")
  echo "setup-test-deps: keytar is missing (its optional build was skipped); installing keytar@${version}…"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install --no-save --no-audit --no-fund "keytar@${version}" >/dev/null 2>&1 \
    && echo "setup-test-deps: keytar installed." \
    || echo "setup-test-deps: keytar could not be built; keychain tests will skip."
}
packages=(gnome-keyring dbus-daemon chromium fonts-wqy-microhei libsecret-1-dev)

if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  # macOS, Windows (Git Bash), other Linux: nothing here is required. The keychain tests need a
  # private gnome-keyring and skip without one; the end-to-end tests need a browser (find-chromium.mjs).
  echo "setup-test-deps: not Debian/Ubuntu; nothing to install. End-to-end tests need Google Chrome or Chromium (or VEO_CHROMIUM); keychain tests skip without gnome-keyring (see README)."
  exit 0
fi
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-test-deps: ${packages[*]} already installed."
  ensure_keytar
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "setup-test-deps: missing ${missing[*]}. Run: sudo apt-get install --no-install-recommends ${missing[*]}"
  exit 0
fi
echo "setup-test-deps: installing ${missing[*]} with apt-get…"
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "setup-test-deps: installed ${missing[*]}."
else
  echo "setup-test-deps: apt-get could not install ${missing[*]}; the tests that need them will say so."
fi
ensure_keytar
exit 0
