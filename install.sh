#!/usr/bin/env bash
# Install pressroom and everything it needs into ./.venv (Python 3.11+).
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
# The browser tests drive Debian's Chromium (Playwright's own browser download
# does not work offline); install it when it is missing and we may.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO=none; fi
  if [ "$SUDO" != none ]; then
    echo "installing Debian's chromium for the browser tests"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "note: /usr/bin/chromium is missing and apt needs root: 'sudo apt-get install chromium'," \
         "or the browser tests are skipped" >&2
  fi
fi
.venv/bin/python -c "import pressroom.nlp as n; n.load(); print('pressroom installed; model:', n.model_info().name)"
