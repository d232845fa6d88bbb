#!/usr/bin/env bash
# Install what `yusuan render --format pdf` needs: Debian's Chromium (driven by playwright-core;
# never `npx playwright install`, which downloads a browser build) and CJK fonts. Idempotent:
# packages already installed are left alone, and nothing is fetched when all are there.
#
#   bash scripts/install-chromium.sh
#
# Fonts: fonts-arphic-uming (a 宋体-style Ming face) and fonts-wqy-zenhei (黑体) are what the
# rendered PDF uses; fonts-noto-cjk is the fallback. Noto CJK alone works, but Chromium then maps
# some characters (一 门 支 …) to Kangxi radicals in the PDF's text layer and embeds Type 3 fonts
# (docs/render.md).
set -euo pipefail

PACKAGES=(chromium fonts-noto-cjk fonts-arphic-uming fonts-wqy-zenhei)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-chromium: already installed: ${PACKAGES[*]}"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "install-chromium: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v chromium >/dev/null || { echo "install-chromium: chromium is not on PATH after installing" >&2; exit 1; }
chromium --version 2>/dev/null | head -n 1 || true
