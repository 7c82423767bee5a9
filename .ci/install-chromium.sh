#!/usr/bin/env bash
# Headless Chromium, for the browser tests of the HTML report and fzlint serve
# (driven with chromedp), and CJK fonts for its screenshots. Idempotent.
command -v chromium >/dev/null 2>&1 && exit 0
exec "$(dirname "$0")/apt-install.sh" chromium fonts-noto-cjk
