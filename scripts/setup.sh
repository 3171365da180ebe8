#!/usr/bin/env bash
# Installs every missing dependency from Debian packages, then configures and builds.
# Idempotent: when everything is present it only runs an incremental build.
#   scripts/setup.sh [BUILD_DIR]      (default: build)
# Environment: DESCENT_BUILD_TYPE (default Release), DESCENT_WERROR=ON to fail on warnings,
#              DESCENT_JOBS (default: number of cores), DESCENT_TARGETS (default: all),
#              DESCENT_CMAKE_ARGS: further cache settings (-DDESCENT_SANITIZERS=ON, a compiler).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${1:-$root/build}

packages=(
  g++ make cmake pkg-config ccache
  libeigen3-dev libhdf5-dev libtomlplusplus-dev libcli11-dev libboost-dev libssl-dev nlohmann-json3-dev
  catch2 libbenchmark-dev liblbfgspp-dev hdf5-tools
  python3 python3-matplotlib python3-h5py python3-numpy python3-pil
  pybind11-dev python3-dev python3-pytest python3-pandas
  texlive-latex-base texlive-latex-recommended
  libopenmpi-dev openmpi-bin
  clang-14 libfuzzer-14-dev
)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Paths relative to the checkout, so that every clone and worktree shares one ccache cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}"
# ccache keeps its cache under $HOME; without a writable one, keep it in the build tree.
if [ -z "${HOME:-}" ] || [ ! -w "${HOME:-/nonexistent}" ]; then
  export CCACHE_DIR="${CCACHE_DIR:-$build_dir/.ccache}"
fi

cmake -S "$root" -B "$build_dir" \
  -DCMAKE_BUILD_TYPE="${DESCENT_BUILD_TYPE:-Release}" \
  -DDESCENT_WERROR="${DESCENT_WERROR:-OFF}" ${DESCENT_CMAKE_ARGS:-} >/dev/null
targets=()
for t in ${DESCENT_TARGETS:-all}; do targets+=(--target "$t"); done
cmake --build "$build_dir" -j "${DESCENT_JOBS:-$(nproc)}" "${targets[@]}"
