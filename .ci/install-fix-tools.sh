#!/usr/bin/env bash
# The programs the fix tests run for real: python3 (reference codecs, cp950),
# patch and git (applying `fzlint check --fix --diff`). Idempotent.
missing=()
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v patch >/dev/null 2>&1 || missing+=(patch)
command -v git >/dev/null 2>&1 || missing+=(git)
((${#missing[@]})) || exit 0
exec "$(dirname "$0")/apt-install.sh" "${missing[@]}"
