#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests when it is missing (no browser download:
# Playwright drives /usr/bin/chromium). Needs root or password-less sudo; otherwise it says so
# and the browser tests skip with that reason.
set -u
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "install-chromium: not root; install Debian's chromium package to run the browser tests" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null \
    || echo "install-chromium: apt-get could not install chromium; browser tests will skip" >&2
exit 0
