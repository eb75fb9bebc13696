#!/usr/bin/env bash
# Installs the Debian packages the browser tests (chromium), the PostgreSQL store tests
# (postgresql) and the OCR test of scanned PDFs (tesseract-ocr, tesseract-ocr-fra) need, when
# they are missing. It never fails the test command: without them the
# tests that need them are skipped with a message saying what to install.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
ls /usr/share/tesseract-ocr/*/tessdata/fra.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-fra)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "dependances-test : paquets Debian absents (${need[*]}) ; les tests qui en ont besoin seront ignorés." >&2
  exit 0
fi
echo "dependances-test : installation de ${need[*]}…" >&2
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"; } >/dev/null 2>&1; then
  echo "dependances-test : installation impossible (${need[*]}) ; les tests qui en ont besoin seront ignorés." >&2
fi
exit 0
