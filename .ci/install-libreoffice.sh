#!/usr/bin/env bash
# LibreOffice headless, for the test that opens annotated .docx files in a real
# word processor (checker/annotate). Idempotent and quiet.
set -euo pipefail
command -v soffice >/dev/null 2>&1 && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
