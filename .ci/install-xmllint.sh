#!/usr/bin/env bash
# xmllint (Debian libxml2-utils), for the tests that validate the checkstyle
# and JUnit outputs against their XSDs. Idempotent.
command -v xmllint >/dev/null 2>&1 && exit 0
exec "$(dirname "$0")/apt-install.sh" libxml2-utils
