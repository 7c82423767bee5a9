#!/usr/bin/env bash
# The binaries drafters run: build fzlint for the office computers' systems
# (older Windows PCs are 32-bit) without cgo, as one static file each.
set -euo pipefail
cd "$(dirname "$0")/.."
for target in windows/amd64 windows/386 darwin/arm64 linux/arm64; do
  echo "   ${target}"
  CGO_ENABLED=0 GOOS="${target%/*}" GOARCH="${target#*/}" go build -trimpath -o /dev/null ./cmd/fzlint
done
