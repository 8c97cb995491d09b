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
.venv/bin/python -c "import pressroom.nlp as n; n.load(); print('pressroom installed; model:', n.model_info().name)"
