#!/usr/bin/env bash
# Builds dist/smsdesk_<version>_<arch>.deb from the PyInstaller bundle in dist/smsdesk/.
# Usage: packaging/linux/build-deb.sh PYTHON   (the venv's python: version, icons)
# Layout: the bundle in /opt/smsdesk, /usr/bin/smsdesk a link to it, the .desktop entry,
# hicolor icons (SVG + PNG sizes rendered from it), /usr/share/doc/smsdesk/copyright.
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${1:-python3}
here=packaging/linux
bundle=dist/smsdesk
[ -x "$bundle/smsdesk" ] || { echo "no bundle in $bundle: run pyinstaller smsdesk.spec" >&2; exit 1; }

# the one version: pyproject.toml, through the installed metadata; PEP 440 pre-releases sort
# before the release in Debian only with a tilde (0.2.0rc1 -> 0.2.0~rc1)
version=$("$python" -c 'from importlib.metadata import version; print(version("smsdesk"))')
deb_version=$(printf '%s' "$version" | sed -E 's/(a|b|rc|\.dev)([0-9]+)/~\1\2/')
arch=$(dpkg --print-architecture)

# system libraries the bundle links but does not carry (PyInstaller leaves out libc, GL, EGL,
# xcb and wayland on purpose): each must map to a package, so a new one fails the build here
# rather than on a user's machine
declare -A provider=(
  [ld-linux-x86-64.so.2]=libc6 [ld-linux-aarch64.so.1]=libc6 [libc.so.6]=libc6
  [libm.so.6]=libc6 [libdl.so.2]=libc6 [libpthread.so.0]=libc6 [librt.so.1]=libc6
  [libutil.so.1]=libc6
  [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1 [libOpenGL.so.0]=libopengl0 [libxcb.so.1]=libxcb1
  [libwayland-client.so.0]=libwayland-client0 [libwayland-cursor.so.0]=libwayland-cursor0
  [libwayland-egl.so.1]=libwayland-egl1
  # the xcb platform plugin's helpers: bundled when the build machine has them, else these
  [libxcb-icccm.so.4]=libxcb-icccm4 [libxcb-keysyms.so.1]=libxcb-keysyms1
)
# the Qt runtime set, declared even where a copy is bundled: their data files (fontconfig's
# configuration, the fonts, xkb keymaps) come only with the system packages
depends=(libc6 libegl1 libgl1 libxcb1 libwayland-client0 libwayland-cursor0 libwayland-egl1
  libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3)
missing=()
while read -r lib; do
  [ -n "$(find "$bundle" -name "$lib" -print -quit)" ] && continue
  pkg=${provider[$lib]:-}
  if [ -z "$pkg" ]; then missing+=("$lib"); continue; fi
  [[ " ${depends[*]} " == *" $pkg "* ]] || depends+=("$pkg")
done < <(find "$bundle" -type f \( -name '*.so*' -o -name smsdesk \) -exec objdump -p {} + 2>/dev/null \
  | awk '$1 == "NEEDED" {print $2}' | sort -u)
if [ ${#missing[@]} -gt 0 ]; then
  echo "the bundle links ${missing[*]}: add its Debian package to $0" >&2
  exit 1
fi

root=build/deb/smsdesk_${deb_version}_$arch
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/doc/smsdesk" "$root/usr/share/icons/hicolor/scalable/apps"
cp -a "$bundle" "$root/opt/smsdesk"
ln -s /opt/smsdesk/smsdesk "$root/usr/bin/smsdesk"
install -m 0644 "$here/smsdesk.desktop" "$root/usr/share/applications/smsdesk.desktop"
install -m 0644 packaging/copyright "$root/usr/share/doc/smsdesk/copyright"
install -m 0644 smsdesk/resources/smsdesk.svg "$root/usr/share/icons/hicolor/scalable/apps/"
"$python" packaging/render_icons.py build/icons
for png in build/icons/*x*/smsdesk.png; do
  size=$(basename "$(dirname "$png")")
  install -D -m 0644 "$png" "$root/usr/share/icons/hicolor/$size/apps/smsdesk.png"
done
# dpkg wants root-owned, world-readable files whatever the builder's umask
chmod -R u+rwX,go+rX,go-w "$root"

installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
depends_line=$(IFS=,; echo "${depends[*]}" | sed 's/,/, /g; s/libc6/libc6 (>= 2.28)/')
cat > "$root/DEBIAN/control" <<CONTROL
Package: smsdesk
Version: $deb_version
Architecture: $arch
Maintainer: smsdesk contributors <smsdesk@localhost>
Installed-Size: $installed_size
Depends: $depends_line
Recommends: fonts-dejavu-core | fonts-liberation2, xdg-desktop-portal
Section: comm
Priority: optional
Description: bulk SMS campaigns from the desktop
 smsdesk imports recipient lists (CSV, TXT), cleans the numbers, composes and
 schedules SMS campaigns, sends them through OVH, an SMPP gateway or the built-in
 simulator, and keeps the history with delivery receipts.
 .
 Campagnes SMS : import de listes de destinataires, planification, envoi par OVH,
 SMPP ou le simulateur intégré, historique et accusés de réception.
CONTROL
# icon and menu caches: the triggers of hicolor-icon-theme and desktop-file-utils do it

mkdir -p dist
deb=dist/smsdesk_${deb_version}_$arch.deb
# zstd is quick to unpack and far quicker to build than xz; dpkg >= 1.21.18 reads it.
# Measured on this bundle: zstd -3 66 MB in 4 s, -9 62 MB in 8 s, -19 56 MB in 157 s;
# gzip -9 67 MB in 30 s.
if [[ $(dpkg-deb --help 2>&1) == *zstd* ]]; then compress=zstd; else compress=gzip; fi
dpkg-deb --root-owner-group -Z"$compress" -z9 --build "$root" "$deb" >/dev/null
echo "$deb ($compress): $(du -h "$deb" | cut -f1); bundle $(du -sh "$bundle" | cut -f1)"
