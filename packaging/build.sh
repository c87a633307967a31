#!/usr/bin/env bash
# Build the self-contained medialit: dist/medialit/ (one folder; dist/medialit.app on
# macOS) and its archive, dist/medialit-<version>-<os>-<arch>.tar.gz (.zip on Windows
# and macOS). Needs only python3 (3.11+, with venv) and the system libraries Qt needs:
# it makes its own build venv (the project, editable, plus PyInstaller) when missing.
#
#   packaging/build.sh                 build the bundle and its archive
#   packaging/build.sh --archive-only  re-pack an existing bundle (after signing it)
#
# Environment: PYTHON (default python3), MEDIALIT_BUILD_VENV (default build/venv).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PACKAGING="$ROOT/packaging"
VENV=${MEDIALIT_BUILD_VENV:-$ROOT/build/venv}
PYTHON=${PYTHON:-python3}
ARCHIVE_ONLY=0
case ${1:-} in
  --archive-only) ARCHIVE_ONLY=1 ;;
  "") ;;
  *) echo "usage: $0 [--archive-only]" >&2; exit 2 ;;
esac

case "$(uname -s)" in
  Linux*) OS=linux ;;
  Darwin*) OS=macos ;;
  MINGW* | MSYS* | CYGWIN*) OS=windows ;;
  *) echo "build.sh: unknown system $(uname -s)" >&2; exit 2 ;;
esac
ARCH=$(uname -m)
case $ARCH in amd64 | x64) ARCH=x86_64 ;; aarch64) ARCH=arm64 ;; esac
if [ "$OS" = windows ]; then VPY="$VENV/Scripts/python.exe"; else VPY="$VENV/bin/python"; fi

VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/src/medialit/__init__.py")
[ -n "$VERSION" ] || { echo "build.sh: no __version__ in src/medialit/__init__.py" >&2; exit 1; }

build_venv() {
  # Re-install when pyproject.toml or the build requirements change (a stamp of both).
  local stamp want
  want=$(cat "$ROOT/pyproject.toml" "$PACKAGING/requirements-build.txt" | cksum)
  stamp="$VENV/.medialit-build-stamp"
  if [ ! -x "$VPY" ]; then
    echo "build.sh: making the build venv $VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "build.sh: installing medialit and PyInstaller into $VENV"
    "$VPY" -m pip install -q --disable-pip-version-check \
      -e "$ROOT" -r "$PACKAGING/requirements-build.txt"
    echo "$want" >"$stamp"
  fi
}

build_bundle() {
  rm -rf "$ROOT/dist/medialit" "$ROOT/dist/medialit.app"
  if [ "$OS" != linux ]; then  # .exe / .app icon: PNG rendered from the SVG by Qt
    mkdir -p "$ROOT/build"
    "$VPY" "$PACKAGING/render_icon.py" "$ROOT/build/medialit-icon.png"
  fi
  "$VPY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" "$PACKAGING/medialit.spec"
  if [ "$OS" = linux ]; then  # beside the executable: see README "Install without Python"
    cp "$PACKAGING/medialit.desktop" "$ROOT/resources/medialit.svg" "$ROOT/dist/medialit/"
  fi
}

archive() {
  local name="medialit-$VERSION-$OS-$ARCH" out
  cd "$ROOT/dist"
  rm -f "$name.tar.gz" "$name.zip"
  case $OS in
    linux) out="$name.tar.gz"; tar -czf "$out" medialit ;;
    # ditto keeps the .app's symlinks and signatures; Explorer opens a .zip.
    macos) out="$name.zip"; ditto -c -k --keepParent medialit.app "$out" ;;
    windows) out="$name.zip"; powershell -NoProfile -Command \
      "Compress-Archive -Path medialit -DestinationPath '$out' -Force" ;;
  esac
  echo "build.sh: $ROOT/dist/$out ($(du -k "$out" | cut -f1) KiB)"
}

if [ "$ARCHIVE_ONLY" = 0 ]; then
  start=$SECONDS
  build_venv
  build_bundle
  bundle="$ROOT/dist/medialit"; [ "$OS" = macos ] && bundle="$ROOT/dist/medialit.app"
  echo "build.sh: $bundle ($(du -sk "$bundle" | cut -f1) KiB) in $((SECONDS - start)) s"
fi
archive
