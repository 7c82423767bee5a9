#!/usr/bin/env bash
# LibreOffice headless, for the test that opens annotated .docx files in a real
# word processor (checker/annotate). Idempotent.
command -v soffice >/dev/null 2>&1 && exit 0
exec "$(dirname "$0")/apt-install.sh" libreoffice-writer-nogui
