#!/usr/bin/env bash
# The Python venv the real-client suite (test/clients) runs lorax-client and openai from: exact pins from
# requirements.txt, made once per machine and kept in ~/.cache/kolm-ci (or $XDG_CACHE_HOME/kolm-ci) under the
# SHA-256 of requirements.txt, so CI reuses it between runs and a changed pin builds a fresh one.
# Prints the venv's path. $KOLM_CLIENTS_VENV overrides the place.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
req="$here/requirements.txt"
hash="$(sha256sum "$req" | cut -c1-16)"
venv="${KOLM_CLIENTS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/kolm-ci/venv-clients-$hash}"
if [ ! -x "$venv/bin/python" ] || [ ! -f "$venv/.complete" ]; then
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --require-virtualenv -r "$req"
  "$venv/bin/python" -m pip check >&2
  touch "$venv/.complete"
fi
echo "$venv"
