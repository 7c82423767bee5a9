#!/usr/bin/env bash
# pre-commit (Debian package; PyPI is not needed), for the test that runs the
# hook of .pre-commit-hooks.yaml for real.
set -euo pipefail
command -v pre-commit >/dev/null && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq pre-commit >/dev/null
