#!/usr/bin/env bash
# Smoke test of a built bundle, run the way a school computer without Python runs it.
#
#   packaging/smoke.sh DIST_DIR      DIST_DIR: dist/medialit (dist/medialit.app on macOS)
#
# Every run of the bundle gets `env -i`: no Python on PATH (PATH is an empty folder),
# HOME a new empty folder. Checks, in order:
#   1. `--version` says the version src/medialit/__init__.py says;
#   2. the bundled lessons folder is the repository's lessons/ folder, file for file;
#   3. `score` on tests/data/valid against the bundled lesson writes stdout, -o, --details,
#      --json and --roster (with the close roster names on stderr) byte-identical to the
#      venv's medialit (MEDIALIT_VENV, default build/venv);
#   4. the window is shown (MEDIALIT_SMOKE_TEST=1) and the database is made under HOME;
#   5. Linux: on a private Xvfb screen, the window has its icon; a first start asks the
#      student's name; the teacher passphrase is set (Ctrl+Shift+T), then after a restart
#      a wrong one is refused and the right one opens the teacher window.
# SMOKE_SHOTS=DIR saves screenshots of step 5 there. Needs (Linux): Xvfb, xdotool, xprop.
# SMOKE_ROOT=DIR runs every bundle command in that chroot (a system without Python, as
# root), which must see DIST_DIR, this repository and /tmp at the same paths (bind mounts).
# Written for bash 3.2 as well (macOS): empty arrays are expanded as ${a[@]+"${a[@]}"}.
set -euo pipefail

DIST=${1:?usage: smoke.sh DIST_DIR}
DIST=$(cd "$DIST" && pwd)
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${MEDIALIT_VENV:-$ROOT/build/venv}
LESSON=000_baldwin_rust.json
PASSPHRASE="smoke-test-passphrase"
TEACHER='^Teacher$|Teacher .+ medialit$'  # the teacher window's title (not "Teacher mode")

case "$(uname -s)" in
  Linux*) OS=linux CLI="$DIST/medialit" GUI="$DIST/medialit" DATA="$DIST/_internal/medialit/_data"
    REF="$VENV/bin/medialit" ;;
  Darwin*) OS=macos CLI="$DIST/Contents/MacOS/medialit" GUI="$CLI"
    DATA="$DIST/Contents/Resources/medialit/_data" REF="$VENV/bin/medialit" ;;
  MINGW* | MSYS* | CYGWIN*) OS=windows CLI="$DIST/medialit-cli.exe" GUI="$DIST/medialit.exe"
    DATA="$DIST/_internal/medialit/_data" REF="$VENV/Scripts/medialit.exe" ;;
  *) echo "smoke: unknown system $(uname -s)" >&2; exit 2 ;;
esac

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  local pid
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do kill "$pid" 2>/dev/null || true; done
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$WORK/bin" "$WORK/home" "$WORK/bundle" "$WORK/venv"
NEWHOME="$WORK/home"

ok() { echo "smoke: ok: $*"; }
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }

# The bundle as a user without Python runs it. Windows programs also need SYSTEMROOT,
# and platformdirs asks Windows (not HOME) for AppData: MEDIALIT_DB keeps the run apart.
bundle_env() {
  local extra=()
  if [ "$OS" = windows ]; then
    extra=(SYSTEMROOT="${SYSTEMROOT:-C:\\Windows}" MEDIALIT_DB="$NEWHOME/medialit.db")
  fi
  ${SMOKE_ROOT:+chroot "$SMOKE_ROOT"} env -i HOME="$NEWHOME" PATH="$WORK/bin" LANG=C.UTF-8 \
    ${extra[@]+"${extra[@]}"} "$@"
}
db_path() {
  case $OS in
    linux) echo "$NEWHOME/.local/share/medialit/medialit.db" ;;
    macos) echo "$NEWHOME/Library/Application Support/medialit/medialit.db" ;;
    windows) echo "$NEWHOME/medialit.db" ;;
  esac
}

[ -x "$CLI" ] || fail "no executable at $CLI"
[ -x "$REF" ] || fail "no venv medialit at $REF (run packaging/build.sh, or set MEDIALIT_VENV)"
bundle_env /bin/sh -c 'command -v python3 || command -v python' && fail "Python is on the PATH"
if [ -n "${SMOKE_ROOT:-}" ]; then
  found=$(chroot "$SMOKE_ROOT" /bin/sh -c 'ls -d /usr/bin/python* /usr/local/bin/python* 2>/dev/null' || true)
  [ -z "$found" ] || fail "$SMOKE_ROOT has Python: $found"
  echo "smoke: in the chroot $SMOKE_ROOT ($(head -n 1 "$SMOKE_ROOT/etc/issue.net" 2>/dev/null), no Python)"
fi
echo "smoke: $DIST (env -i, PATH=$WORK/bin, HOME=$NEWHOME)"

# 1. --version
want="medialit, version $(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/src/medialit/__init__.py")"
got=$(bundle_env "$CLI" --version | tr -d '\r')
[ "$got" = "$want" ] || fail "--version said '$got', not '$want'"
ok "--version: $got"

# 2. the whole lessons/ folder is bundled where a wheel install has it
diff -r "$ROOT/lessons" "$DATA/lessons" >/dev/null || fail "$DATA/lessons differs from lessons/"
for folder in seeds resources; do
  diff -r "$ROOT/$folder" "$DATA/$folder" >/dev/null || fail "$DATA/$folder differs from $folder/"
done
ok "lessons/ ($(ls "$ROOT/lessons" | wc -l) files), seeds/ and resources/ bundled as in a wheel"

# 3. score: the bundle's output is byte for byte the venv's
score_into() {  # score_into DIR COMMAND...: stdout, -o with --details, and --json into DIR
  local out=$1; shift
  local key="$DATA/lessons/$LESSON" subs="$ROOT/tests/data/valid"
  "$@" score "$key" "$subs" >"$out/stdout.csv" 2>"$out/stderr.txt" &&
    "$@" score "$key" "$subs" -o "$out/results.csv" --details "$out/details.csv" 2>/dev/null &&
    "$@" score "$key" "$subs" --json >"$out/results.json" 2>/dev/null &&
    "$@" score "$key" "$subs" --roster "$WORK/roster.csv" >"$out/roster.csv" 2>"$out/close-names.txt"
}
# a roster where a submitter's name is only close ("Ann Lee" handed in, "Anne Lee" listed): the
# close names come from rapidfuzz, pure Python in the bundle, compiled in the venv
printf 'Name,Class\nAnne Lee,7B\nChidi Okeke,7B\nDora Missing,7B\n' >"$WORK/roster.csv"
score_into "$WORK/bundle" bundle_env "$CLI" || fail "bundle score: $(cat "$WORK/bundle/stderr.txt")"
score_into "$WORK/venv" env HOME="$NEWHOME" "$REF" || fail "venv score: $(cat "$WORK/venv/stderr.txt")"
for f in stdout.csv results.csv details.csv results.json roster.csv close-names.txt; do
  [ -s "$WORK/venv/$f" ] || fail "the venv wrote no $f"
  cmp -s "$WORK/venv/$f" "$WORK/bundle/$f" || fail "score $f differs from the venv's"
done
grep -q "close to Anne Lee" "$WORK/bundle/close-names.txt" ||
  fail "score --roster named no close roster name: $(cat "$WORK/bundle/close-names.txt")"
ok "score: stdout, results.csv, details.csv, --json, --roster and its close names byte-identical to the venv's" \
  "($(($(wc -l <"$WORK/bundle/results.csv") - 1)) students; $(tr -d '\r' <"$WORK/bundle/stderr.txt"))"

# 4. the window is shown; the database is made in the new HOME
if [ "$OS" = linux ]; then
  command -v Xvfb >/dev/null && command -v xdotool >/dev/null && command -v xprop >/dev/null ||
    fail "needs Xvfb, xdotool and xprop (apt-get install xvfb xdotool x11-utils)"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$WORK/display" 2>"$WORK/xvfb.log" &
  PIDS+=($!)
  for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
  [ -s "$WORK/display" ] || fail "Xvfb did not start: $(tail -n 3 "$WORK/xvfb.log")"
  DISPLAY=":$(head -n 1 "$WORK/display")"
  export DISPLAY
  SCREEN=(DISPLAY="$DISPLAY" QT_QPA_PLATFORM=xcb) WHERE=" on Xvfb $DISPLAY"
else
  SCREEN=() WHERE=" on this desktop"  # the runner's own
fi
shown=$(bundle_env ${SCREEN[@]+"${SCREEN[@]}"} MEDIALIT_SMOKE_TEST=1 "$CLI" 2>"$WORK/gui.log" | tr -d '\r') ||
  fail "the app exited with $?: $(tail -n 5 "$WORK/gui.log")"
case $shown in  # Git Bash hands Windows programs C:/... paths: there, the prefix and the file
  "medialit: window shown, database $(db_path)") ;;
  "medialit: window shown, database "*) [ "$OS" != linux ] || fail "not the database in HOME: $shown" ;;
  *) fail "no 'window shown' line: '$shown' $(tail -n 5 "$WORK/gui.log")" ;;
esac
[ -f "$(db_path)" ] || fail "no database at $(db_path)"
ok "window shown$WHERE, database $(db_path)"
if [ "$OS" = windows ]; then  # the windowed .exe has no stdout: its exit status says it
  rm -f "$(db_path)"
  bundle_env MEDIALIT_SMOKE_TEST=1 "$GUI" || fail "medialit.exe exited with $?"
  [ -f "$(db_path)" ] || fail "medialit.exe made no database"
  ok "medialit.exe (windowed) started and made its database"
fi
if [ "$OS" != linux ]; then
  echo "smoke: skipped: icon and teacher passphrase (driven with xdotool: Linux only)"
  echo "smoke: passed"
  exit 0
fi

# 5. Linux, a real window on Xvfb, driven with xdotool like a user at the keyboard.
APP_PID=""
start_app() {
  bundle_env ${SCREEN[@]+"${SCREEN[@]}"} "$GUI" >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  PIDS+=("$APP_PID")
}
window() {  # window REGEX: the id of the visible window whose title matches, waiting for it
  local id="" deadline=$((SECONDS + 30))
  while [ -z "$id" ]; do
    kill -0 "$APP_PID" 2>/dev/null || fail "the app exited: $(tail -n 5 "$WORK/app.log")"
    [ $SECONDS -lt $deadline ] || fail "no window titled /$1/ within 30 s"
    sleep 0.2
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1 || true)
  done
  echo "$id"
}
gone() {  # gone REGEX: true once no visible window matches (waits up to 10 s)
  local deadline=$((SECONDS + 10))
  while xdotool search --onlyvisible --name "$1" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}
keys() { xdotool windowfocus --sync "$1" && sleep 0.3 && shift && xdotool key --delay 60 "$@"; }
typed() { xdotool windowfocus --sync "$1" && sleep 0.3 && xdotool type --delay 30 -- "$2"; }
shot() {
  [ -n "${SMOKE_SHOTS:-}" ] || return 0
  mkdir -p "$SMOKE_SHOTS"
  if command -v import >/dev/null; then import -window root "$SMOKE_SHOTS/$1.png"; fi
}
quit_app() {  # quit_app MAIN TEACHER: Lesson > Close teacher mode, then Ctrl+Q; exit status 0
  keys "$2" alt+l c
  gone "$TEACHER" || fail "Lesson > Close teacher mode did not close the teacher window"
  keys "$1" ctrl+q
  wait "$APP_PID" || fail "the app exited with $? on Ctrl+Q: $(tail -n 5 "$WORK/app.log")"
}

rm -rf "$NEWHOME" && mkdir "$NEWHOME"  # a first start again
start_app
main=$(window ' medialit$')
xprop -id "$main" _NET_WM_ICON >"$WORK/icon.txt" 2>&1 || true
icon=$(head -n 1 "$WORK/icon.txt")
case $icon in
  *"not found"* | *"no such atom"* | "") fail "the window has no icon (_NET_WM_ICON: $icon)" ;;
esac
ok "window '$(xdotool getwindowname "$main")' has its icon: $(grep -c 'Icon (' "$WORK/icon.txt") sizes in _NET_WM_ICON"
name=$(window '^Who is working')
shot first-start
typed "$name" "Smoke Test"
keys "$name" Return
gone '^Who is working' || fail "the name dialog did not close"
ok "first start asked the student's name"

keys "$main" ctrl+shift+t
gate=$(window '^Teacher mode$')
typed "$gate" "$PASSPHRASE"
keys "$gate" Tab
typed "$gate" "$PASSPHRASE"
keys "$gate" Return
code=$(window '^Write down your recovery code$')  # shown once, before the teacher window
shot recovery-code
keys "$code" Return
teacher=$(window "$TEACHER")
shot teacher-window
ok "teacher passphrase set; recovery code shown; teacher window $teacher opened"
quit_app "$main" "$teacher"

start_app
main=$(window ' medialit$')
keys "$main" ctrl+shift+t
gate=$(window '^Teacher mode$')
typed "$gate" "not-the-passphrase"
keys "$gate" Return
sleep 2
xdotool search --onlyvisible --name "$TEACHER" >/dev/null 2>&1 &&
  fail "a wrong passphrase opened the teacher window"
shot wrong-passphrase
ok "after a restart, a wrong passphrase is refused"
keys "$gate" ctrl+a
typed "$gate" "$PASSPHRASE"
keys "$gate" Return
teacher=$(window "$TEACHER")
ok "the right passphrase opens the teacher window $teacher"
quit_app "$main" "$teacher"
echo "smoke: passed"
