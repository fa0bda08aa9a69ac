#!/usr/bin/env bash
# What the test suite needs beyond node_modules, made once per machine and reused (each keyed by the hash of
# its pinned requirements, under ~/.cache): the trainer's venv (TRL + PEFT + torch, about 6 GB and 2-5
# minutes the first time), SkyPilot's (about 460 MB) for the cloud runtime's task YAML, and the real-client
# venv (lorax-client, openai). Quiet when everything is cached. The tmux (wizard) and sshd (ssh runtime)
# binaries come from the OS: .ci/run installs them; elsewhere this says how.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v tmux >/dev/null || missing+=(tmux)
[ -x /usr/sbin/sshd ] || command -v sshd >/dev/null || missing+=(openssh-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test setup: the suite needs ${missing[*]} (e.g. apt-get install -y ${missing[*]}); the tests that use them will fail without" >&2
fi
bash core/train/python/venv.sh --test >/dev/null
bash core/train/python/venv.sh --sky >/dev/null
bash test/clients/venv.sh >/dev/null
