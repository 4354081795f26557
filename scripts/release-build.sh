#!/usr/bin/env bash
# scripts/release-build.sh PRODUCT...: release builds of the products with the Swift runtime and
# libyaml linked statically, so the binary runs where neither Swift nor libyaml is installed
# (only glibc, libstdc++, libgcc_s and libm stay dynamic). RELEASE_FLAGS (from the Makefile)
# gives the configuration and the static Swift runtime.
#
# libyaml: the package finds it through pkg-config (yaml-0.1), whose `-lyaml` picks the shared
# library. Here pkg-config is pointed at a copy of yaml-0.1.pc that gives the headers only, and
# the linker gets the archive itself, after the objects that need it.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
RELEASE_FLAGS=${RELEASE_FLAGS:--c release --static-swift-stdlib}
libdir=$(pkg-config --variable=libdir yaml-0.1)
archive=$libdir/libyaml.a
[[ -f $archive ]] || { echo "release-build: $archive missing (apt-get install libyaml-dev)" >&2; exit 2; }
pc=.build/static-yaml
mkdir -p "$pc"
printf 'Name: LibYAML\nDescription: libyaml headers only: the archive is given to the linker\nVersion: %s\nCflags: -I%s\nLibs:\n' \
  "$(pkg-config --modversion yaml-0.1)" "$(pkg-config --variable=includedir yaml-0.1)" >"$pc/yaml-0.1.pc.new"
cmp -s "$pc/yaml-0.1.pc.new" "$pc/yaml-0.1.pc" 2>/dev/null && rm "$pc/yaml-0.1.pc.new" || mv "$pc/yaml-0.1.pc.new" "$pc/yaml-0.1.pc"
# SwiftPM keeps the build plan (and what build plugins said) until the manifest changes: drop
# it, so that the EmbedRules plugin stamps this commit's `git describe`, not the last one's.
rm -f .build/*/release/description.json
for product in "$@"; do
  # shellcheck disable=SC2086 # RELEASE_FLAGS is several flags
  PKG_CONFIG_PATH=$PWD/$pc $SWIFT build $RELEASE_FLAGS -Xlinker "$archive" --product "$product"
done
