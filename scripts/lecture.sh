#!/usr/bin/env bash
# The default job: installs what is missing, builds, runs the lecture suite, prints its
# summary, and writes results/lecture.h5 and the figures in results/figures/.
#   scripts/lecture.sh [extra `descent run` options, e.g. -j 2]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DESCENT_TARGETS=descent "$root/scripts/setup.sh"
mkdir -p "$root/results"
"$root/build/descent" run "$root/experiments/suites/lecture.toml" -o "$root/results/lecture.h5" "$@"
/usr/bin/python3 "$root/analysis/plots/lecture_figures.py" "$root/results/lecture.h5" -o "$root/results/figures"
