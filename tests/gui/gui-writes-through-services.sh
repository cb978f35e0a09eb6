#!/usr/bin/env bash
# gui-writes-through-services.sh: no file under app/gui writes the store
# itself; every change goes through a core service (README, Adding a page).
#
#   gui-writes-through-services.sh SOURCE_ROOT
set -euo pipefail
cd "$1"
if grep -rnE 'helder_store_(save|save_all|write|delete)[[:space:]]*\(' app/gui; then
  echo "gui-writes-through-services: the lines above write the store from the GUI; use a service" >&2
  exit 1
fi
