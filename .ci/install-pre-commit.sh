#!/usr/bin/env bash
# pre-commit (Debian package; PyPI is not reachable), for the test that runs
# the hook of .pre-commit-hooks.yaml for real. Idempotent.
command -v pre-commit >/dev/null 2>&1 && exit 0
exec "$(dirname "$0")/apt-install.sh" pre-commit
