#!/usr/bin/env bash
# The programs the fix tests run for real: python3 (reference codecs, cp950),
# patch and git (applying `fzlint check --fix --diff`). Idempotent, quiet.
set -euo pipefail
missing=()
command -v python3 >/dev/null || missing+=(python3)
command -v patch >/dev/null || missing+=(patch)
command -v git >/dev/null || missing+=(git)
if ((${#missing[@]})); then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
