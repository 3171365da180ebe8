#!/usr/bin/env bash
# Installs what is missing, builds everything, and runs every test
# (slow ones included).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
cd "$root/build"
ctest --output-on-failure -j "${DESCENT_JOBS:-$(nproc)}"
