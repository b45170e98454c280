#!/usr/bin/env bash
# Makes Debian's Chromium and the fonts the dashboard's screenshots and the PDF reports use available, and poppler-utils
# for reading the reports back.
# Sourced by test.sh after test-services.sh (whose apt_install it uses). Never downloads a browser build of its own.

if [ ! -x /usr/bin/chromium ]; then
  log "installing chromium"; apt_install chromium || return 1
fi
# Liberation for the Arial/Helvetica/Times metrics the dashboard's font stack falls back to, DejaVu for everything else.
if ! fc-list 2>/dev/null | grep -qi "LiberationSans" || ! fc-list 2>/dev/null | grep -qi "DejaVuSans"; then
  log "installing fonts"; apt_install fontconfig fonts-liberation2 fonts-dejavu-core || return 1
fi
# Poppler's pdftotext and pdftoppm read the generated PDF reports back in the report specs.
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  log "installing poppler-utils"; apt_install poppler-utils || return 1
fi
/usr/bin/chromium --version >/dev/null 2>&1 || { log "chromium is installed but does not start"; return 1; }
