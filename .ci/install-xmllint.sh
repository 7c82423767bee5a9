#!/usr/bin/env bash
# xmllint (Debian libxml2-utils), for the tests that validate the checkstyle
# and JUnit outputs against their XSDs.
set -euo pipefail
command -v xmllint >/dev/null && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq libxml2-utils >/dev/null
