#!/usr/bin/env bash
# Headless Chromium, for the browser tests of the HTML report and fzlint serve
# (driven with chromedp). Idempotent and quiet.
set -euo pipefail
command -v chromium >/dev/null 2>&1 && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
