#!/usr/bin/env bash
# Build (once) the trainer's venv for requirements.txt and print its python's path on stdout.
# Cached per machine under ${KOLM_CACHE:-$XDG_CACHE_HOME/kolm or ~/.cache/kolm}/venv-trainer-<hash>, where
# <hash> is the first 16 hex digits of the SHA-256 of requirements.txt (+ requirements-test.txt with
# --test); core/train/venv.ts computes the same path. Built in a temp folder and renamed, so an interrupted
# build never looks finished.
#   usage: venv.sh [--test | --sky] [--python PYTHON]
# --sky builds venv-sky-<hash> from requirements-sky.txt instead (SkyPilot, for the tests' YAML check).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python=python3
test=0
sky=0
while [ $# -gt 0 ]; do
  case "$1" in
    --test) test=1 ;;
    --sky) sky=1 ;;
    --python) python="$2"; shift ;;
    *) echo "venv.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
files=("$here/requirements.txt")
[ "$test" = 1 ] && files+=("$here/requirements-test.txt")
name=venv-trainer
if [ "$sky" = 1 ]; then files=("$here/requirements-sky.txt"); name=venv-sky; fi
hash="$(cat "${files[@]}" | sha256sum | cut -c1-16)"
cache="${KOLM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kolm}"
dir="$cache/$name-$hash"
if [ ! -x "$dir/bin/python" ] || [ ! -f "$dir/.kolm-ready" ]; then
  if [ "$sky" = 0 ] && ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "venv.sh: $python is not Python 3.11 or newer, which the trainer's engines need (trl 1.16 requires it); name one with --python" >&2
    exit 3
  fi
  mkdir -p "$cache"
  tmp="$dir.tmp-$$"
  rm -rf "$tmp"
  trap 'rm -rf "$tmp"' EXIT
  start=$(date +%s)
  "$python" -m venv "$tmp" >&2
  args=()
  # The hash-locked files where they were made (CPython 3.11, Linux x86_64): every download is checked.
  locked=0
  if [ "$sky" = 0 ] && [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] && "$tmp/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then locked=1; fi
  for f in "${files[@]}"; do
    if [ "$locked" = 1 ]; then args+=(-r "${f%.txt}.lock"); else args+=(-r "$f"); fi
  done
  [ "$locked" = 1 ] && args+=(--require-hashes --no-deps)
  "$tmp/bin/python" -m pip install --disable-pip-version-check -q "${args[@]}" >&2
  # --no-deps above: pip check proves the locked set is whole.
  "$tmp/bin/python" -m pip check >&2
  # We only ever run "$dir/bin/python -m ...", which works from the renamed folder (console scripts would
  # name the temp one). A concurrent build that finished first wins; ours is dropped.
  touch "$tmp/.kolm-ready"
  if [ -f "$dir/.kolm-ready" ]; then rm -rf "$tmp"; else rm -rf "$dir"; mv "$tmp" "$dir"; fi
  trap - EXIT
  echo "$name-$hash: built in $(( $(date +%s) - start )) s, $(du -sh "$dir" | cut -f1)" >&2
fi
echo "$dir/bin/python"
