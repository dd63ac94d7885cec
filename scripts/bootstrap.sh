#!/usr/bin/env bash
# Prepare a Debian machine for building and testing sqlalchemy-mimer:
# installs the Debian packages the build needs (only those missing), creates
# the project's virtual environment in .venv and installs the package (which
# builds mimerlite through CMake) with its test dependencies.  Safe to run
# again; it only does what is missing.  Used by `make run` and `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES=(build-essential cmake ninja-build pkg-config liblmdb-dev libsodium-dev
              libsqlite3-dev python3-venv python3-dev)

missing=()
for pkg in "${DEB_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
# The machine may provide compilers and Python outside Debian's packages.
if command -v cc >/dev/null && command -v make >/dev/null; then
  missing=("${missing[@]/build-essential}")
fi
command -v cmake >/dev/null && missing=("${missing[@]/cmake}")
command -v ninja >/dev/null && missing=("${missing[@]/ninja-build}")
python3 -c 'import venv, ensurepip' 2>/dev/null && missing=("${missing[@]/python3-venv}")
python3 -c 'import sysconfig, os; assert os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h"))' 2>/dev/null \
  && missing=("${missing[@]/python3-dev}")
read -r -a missing <<<"${missing[*]}"

if ((${#missing[@]})); then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -r requirements-test.txt
.venv/bin/python -m pip install -q .
