#!/usr/bin/env bash
# packaging/dist.sh: from the release build (`make release`), writes
#   dist/audit-VERSION-linux-x86_64.tar.gz   the tarball layout of packaging/stage.sh, with SHA256SUMS
#   dist/audit-VERSION-linux-x86_64.tar.gz.sha256
#   dist/audit_DEBVERSION_ARCH.deb           built with dpkg-deb; Depends computed by dpkg-shlibdeps
# VERSION is the binary's own (`audit --version`, stamped from `git describe`). Reproducible:
# entries sorted, owner root, every mtime the last commit's (SOURCE_DATE_EPOCH), gzip without
# a name or time; the same build gives the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
BIN=${AUDIT_BIN:-.build/release/audit}
version=$("$BIN" --version | awk '{print $2}')
[[ -n $version ]] || { echo "dist: $BIN --version printed no version" >&2; exit 2; }
machine=$(uname -m)
name=audit-$version-linux-$machine
work=.build/dist
mkdir -p dist "$work"

# MARK: - Tarball
bash packaging/stage.sh --layout tarball "$work/$name"
(cd "$work/$name" && find . -type f ! -name SHA256SUMS | LC_ALL=C sort | sed 's|^\./||' | xargs sha256sum >SHA256SUMS)
touch -d "@$SOURCE_DATE_EPOCH" "$work/$name/SHA256SUMS"
tarball=dist/$name.tar.gz
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" --format=gnu \
  -C "$work" -cf - "$name" | gzip -9n >"$tarball.tmp"
mv "$tarball.tmp" "$tarball"
(cd dist && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")

# MARK: - Debian package
# A Debian version has no `-` in its upstream part unless it has a revision: 0.2.0-3-g1a2b3c4
# becomes 0.2.0+3.g1a2b3c4 (and sorts after 0.2.0, as it should).
debversion=$(echo "$version" | sed -e 's/-/+/' -e 's/-/./g')
arch=$(dpkg --print-architecture)
root=$work/deb/audit_${debversion}_$arch
bash packaging/stage.sh --layout deb "$root"
# dpkg-shlibdeps wants a source package around the binary: a minimal debian/control.
shlib=$(mktemp -d)
trap 'rm -rf "$shlib"' EXIT
mkdir -p "$shlib/debian"
printf 'Source: audit\n\nPackage: audit\nArchitecture: any\n' >"$shlib/debian/control"
depends=$(cd "$shlib" && dpkg-shlibdeps -O -e"$OLDPWD/$root/usr/bin/audit" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[[ -n $depends ]] || { echo "dist: dpkg-shlibdeps computed no Depends" >&2; exit 2; }
size=$(du -sk --apparent-size "$root/usr" | cut -f1)
mkdir -p "$root/DEBIAN"
cat >"$root/DEBIAN/control" <<CONTROL
Package: audit
Version: $debversion
Architecture: $arch
Maintainer: audit maintainers <audit@localhost>
Installed-Size: $size
Depends: $depends
Section: utils
Priority: optional
Description: compliance auditor for insurance customer-service outlets
 Scores outlet inspection reports (YAML) against the service standards of
 Chinese insurers, encoded as rule packs, and writes graded findings that cite
 the clause and point at the report's line: text, JSON, SARIF, JUnit, HTML,
 Markdown; batch scoring of every branch with CSV tables and a dashboard.
CONTROL
(cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum >DEBIAN/md5sums)
touch -d "@$SOURCE_DATE_EPOCH" "$root/DEBIAN" "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
deb=dist/audit_${debversion}_$arch.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb.tmp" >/dev/null
mv "$deb.tmp" "$deb"

echo "$tarball ($(du -h "$tarball" | cut -f1)), $(cut -d' ' -f1 "$tarball.sha256")"
echo "$deb ($(du -h "$deb" | cut -f1)), Depends: $depends"
echo "needs glibc $(objdump -T "$BIN" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -n 1) or later"
