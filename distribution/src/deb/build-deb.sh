#!/bin/sh
# Builds the Debian package from the appliance archive: the same tree, plus DEBIAN/ (control,
# conffiles, md5sums, maintainer scripts). Run by `mvn package` in distribution; without dpkg-deb
# it says so and builds nothing.
#   build-deb.sh ARCHIVE PROJECT-VERSION OUTPUT-DIR
set -eu
archive="$1"
project_version="$2"
out="$3"

if ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "confab .deb: skipped, dpkg-deb is not on the PATH (it comes with Debian's dpkg); the archive is built"
  exit 0
fi
here="$(cd "$(dirname "$0")" && pwd)"

# 0.1.0-SNAPSHOT -> 0.1.0~SNAPSHOT, which sorts before the release 0.1.0
version="$(printf '%s' "$project_version" | tr '-' '~')"
root="$out/deb-root"
deb="$out/confab_${version}_all.deb"

rm -rf "$root" "$deb"
mkdir -p "$root/DEBIAN"
tar -xpzf "$archive" -C "$root" --no-same-owner
# directories the archive does not list are created by tar with the umask
find "$root" -type d -exec chmod 0755 {} +

(
  cd "$root"
  size="$(du -sk --apparent-size --exclude=./DEBIAN . | cut -f1)"
  sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$size/" "$here/DEBIAN/control" > DEBIAN/control
  # every file under /etc is the administrator's to edit: an upgrade keeps their changes
  find etc -type f | sort | sed 's|^|/|' > DEBIAN/conffiles
  find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -print | sed 's|^\./||' | sort \
    | xargs md5sum > DEBIAN/md5sums
  for script in postinst prerm postrm; do
    install -m 0755 "$here/DEBIAN/$script" DEBIAN/
  done
  chmod 0644 DEBIAN/control DEBIAN/conffiles DEBIAN/md5sums
)

# gzip: the jars are compressed already, and xz would take twenty times as long for 1% less
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb"
