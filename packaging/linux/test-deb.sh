#!/usr/bin/env bash
# `make package-test`: installs dist/smsdesk_*.deb and runs the installed app.
# As root: dpkg -i (apt-get -f install for missing dependencies), dpkg -r at the end.
# Otherwise (or with SMSDESK_PACKAGE_EXTRACT=1): dpkg-deb -x into a temporary root.
# Checks: the files a desktop needs, `smsdesk --version`, `smsdesk self-check`, and the window
# opened offscreen for a second. Nothing is written to the user's data or settings folders.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DEBIAN_FRONTEND=noninteractive
SECONDS=0

deb=$(ls -t dist/smsdesk_*.deb 2>/dev/null | head -n1 || true)
[ -n "$deb" ] || { echo "no dist/smsdesk_*.deb: run make package" >&2; exit 1; }
version=$(dpkg-deb -f "$deb" Version)
scratch=$(mktemp -d -t smsdesk-package-test.XXXXXX)
installed=0
cleanup() {
  # (dpkg warns that /opt stays when other software is there: not a failure)
  if [ "$installed" = 1 ]; then
    dpkg -r smsdesk >"$scratch/remove.log" 2>&1 || { cat "$scratch/remove.log" >&2; echo "dpkg -r failed" >&2; }
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT

if [ "$(id -u)" = 0 ] && [ "${SMSDESK_PACKAGE_EXTRACT:-0}" != 1 ]; then
  if ! dpkg -i "$deb" >"$scratch/dpkg.log" 2>&1; then
    # dependencies missing on this machine: let apt bring them, then dpkg finishes the install
    apt-get update -qq
    apt-get install -f -y -qq --no-install-recommends >>"$scratch/dpkg.log" 2>&1 \
      || { cat "$scratch/dpkg.log" >&2; exit 1; }
  fi
  installed=1
  dpkg -s smsdesk | grep -q '^Status: install ok installed' || { echo "not installed" >&2; exit 1; }
  prefix=
  app=/usr/bin/smsdesk
  how="dpkg -i"
else
  prefix=$scratch/root
  dpkg-deb -x "$deb" "$prefix"
  # /usr/bin/smsdesk points at /opt/smsdesk, outside the temporary root: check its target
  [ "$(readlink "$prefix/usr/bin/smsdesk")" = /opt/smsdesk/smsdesk ] \
    || { echo "usr/bin/smsdesk does not link /opt/smsdesk/smsdesk" >&2; exit 1; }
  app=$prefix/opt/smsdesk/smsdesk
  how="dpkg-deb -x"
fi

for file in usr/share/applications/smsdesk.desktop usr/share/doc/smsdesk/copyright \
  usr/share/icons/hicolor/scalable/apps/smsdesk.svg usr/share/icons/hicolor/16x16/apps/smsdesk.png \
  usr/share/icons/hicolor/256x256/apps/smsdesk.png \
  opt/smsdesk/_internal/smsdesk/i18n/smsdesk_fr.qm opt/smsdesk/_internal/smsdesk/i18n/smsdesk_en.qm \
  opt/smsdesk/_internal/PySide6/Qt/translations/qtbase_fr.qm; do
  [ -s "$prefix/$file" ] || { echo "missing /$file" >&2; exit 1; }
done
grep -q '^GenericName\[fr\]=' "$prefix/usr/share/applications/smsdesk.desktop" \
  || { echo "the .desktop entry has no French name" >&2; exit 1; }
if command -v desktop-file-validate >/dev/null; then
  # errors fail; its hint that Office;Network; lists the entry in two menus is wanted
  validation=$(desktop-file-validate "$prefix/usr/share/applications/smsdesk.desktop") \
    || { echo "$validation" >&2; exit 1; }
fi

# the installed app sees private, empty data and settings folders
export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/config XDG_DATA_HOME=$scratch/data \
  XDG_CACHE_HOME=$scratch/cache XDG_STATE_HOME=$scratch/state SMSDESK_DATA_DIR=$scratch/smsdesk
mkdir -p "$HOME"
unset SMSDESK_DB SMSDESK_PROVIDER SMSDESK_SIM_LEDGER

got=$("$app" --version)
[ "$got" = "smsdesk $version" ] || { echo "--version said '$got', expected 'smsdesk $version'" >&2; exit 1; }

check=$(SMSDESK_SIM_DELAY=0.1 timeout 120 "$app" self-check) \
  || { echo "self-check failed: $check" >&2; exit 1; }
[ "$(printf '%s\n' "$check" | wc -l)" = 1 ] && [[ $check == "self-check ok"* ]] \
  || { echo "self-check printed: $check" >&2; exit 1; }

window=$(QT_QPA_PLATFORM=offscreen timeout 120 "$app" --quit-after-paint 1 2>"$scratch/window.err") \
  || { cat "$scratch/window.err" >&2; echo "the window did not open and close cleanly" >&2; exit 1; }
[ "$window" = "$(printf 'painted\nready')" ] \
  || { cat "$scratch/window.err" >&2; echo "no first paint, or not ready: $window" >&2; exit 1; }
shown="window painted offscreen"
# and on a real X server when there is one: the xcb plugin and the X libraries it links
if command -v xvfb-run >/dev/null; then
  window=$(QT_QPA_PLATFORM=xcb timeout 120 xvfb-run -a "$app" --quit-after-paint 1 2>"$scratch/window.err") \
    || { cat "$scratch/window.err" >&2; echo "the window did not open under Xvfb" >&2; exit 1; }
  [ "$window" = "$(printf 'painted\nready')" ] \
    || { cat "$scratch/window.err" >&2; echo "no paint under Xvfb: $window" >&2; exit 1; }
  shown="$shown and under Xvfb"
fi


echo "package-test ok ($how, $deb): --version, $check, $shown (${SECONDS} s)"
