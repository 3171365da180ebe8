#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test (slow ones included); asked
# for with DESCENT_LEGS, the same tests sanitized and the fuzz programs. Three build trees, one
# ccache cache:
#   build/           the normal build (g++, Release): every test
#   build-sanitize/  ASan + UBSan (DESCENT_SANITIZERS=ON, g++ at -O1): every test but those
#                    tagged [slow] or [unsanitizable], the packaging test and the Python tests
#   build-fuzz/      clang-14 + libFuzzer (DESCENT_FUZZ=ON): each fuzz program for
#                    DESCENT_FUZZ_SECONDS (default 60) from its corpus; skipped without clang++-14
# DESCENT_LEGS chooses the legs (default: "normal"; all three: "normal sanitize fuzz").
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
legs=" ${DESCENT_LEGS:-normal} "
jobs=${DESCENT_JOBS:-$(nproc)}
# Leaks inside HDF5 itself are not ours to fix (tests/support/lsan_suppressions.txt says which).
export LSAN_OPTIONS="suppressions=$root/tests/support/lsan_suppressions.txt"

if [[ $legs == *" normal "* ]]; then
  "$root/scripts/setup.sh"
  (cd "$root/build" && ctest --output-on-failure -j "$jobs")
fi

if [[ $legs == *" sanitize "* ]]; then
  # g++'s warnings are the ones the normal leg enforces; at -O1 with the sanitizers it raises
  # false ones, so they are not fatal here.
  DESCENT_WERROR=OFF DESCENT_CMAKE_ARGS="-DDESCENT_SANITIZERS=ON -DDESCENT_BUILD_BENCH=OFF -DDESCENT_BUILD_PYTHON=OFF" \
    "$root/scripts/setup.sh" "$root/build-sanitize"
  # A sanitizer report ends the process with a failure status; halt_on_error makes ASan do so too.
  (cd "$root/build-sanitize" &&
     ASAN_OPTIONS=halt_on_error=1:detect_stack_use_after_return=0 \
     UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     ctest --output-on-failure -j "$jobs")
fi

if [[ $legs == *" fuzz "* ]]; then
  if command -v clang++-14 >/dev/null; then
    # g++'s warnings are the ones enforced (normal leg); clang's differ, so not fatal here.
    DESCENT_WERROR=OFF DESCENT_TARGETS="fuzz_suite_parser fuzz_results_reader" \
    DESCENT_CMAKE_ARGS="-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 -DDESCENT_FUZZ=ON \
-DDESCENT_BUILD_TESTS=OFF -DDESCENT_BUILD_BENCH=OFF -DDESCENT_BUILD_PYTHON=OFF \
-DDESCENT_FUZZ_SECONDS=${DESCENT_FUZZ_SECONDS:-60}" \
      "$root/scripts/setup.sh" "$root/build-fuzz"
    (cd "$root/build-fuzz" && ctest --output-on-failure -j "$jobs" -L fuzz)
  else
    echo "test.sh: clang++-14 not found: fuzz leg skipped (scripts/setup.sh installs clang-14)"
  fi
fi
