#!/bin/sh
# The tools bench/pdf.mjs compares yusuan with (not needed by the tests). Debian bookworm, as root.
set -e
apt-get update
apt-get install -y poppler-utils poppler-data   # pdftotext -layout (poppler-data: CJK fonts that are not embedded)
apt-get install -y python3 python3-pdfminer     # pdfminer.six, bench/pdfminer_extract.py
apt-get install -y util-linux                   # taskset, to run every tool on one core
