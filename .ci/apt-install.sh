#!/usr/bin/env bash
# Installs Debian packages for the tests that run another program for real.
# It never fails the run: a package that cannot be installed leaves its tests
# to skip, each saying why. The package lists are refreshed only when an
# install fails without them (a fresh machine has none).
set -uo pipefail
export DEBIAN_FRONTEND=noninteractive
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
install() { $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1; }
if ! install "$@"; then
  $sudo apt-get update -qq >/dev/null 2>&1
  install "$@" || echo "   could not install $*: the tests that need it skip, saying so"
fi
exit 0
