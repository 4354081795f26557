#!/usr/bin/env bash
# packaging/stage.sh --layout tarball|unix|deb DIR: lays out what `audit` ships — the release
# binary (.build/release/audit, as `make release` builds it), man pages, shell completions and
# the JSON Schemas — under DIR, in the places one of three layouts wants:
#   tarball  bin/audit, man/man1/*.1, completions/{audit.bash,_audit,audit.fish},
#            schemas/*.schema.json, README.md, CHANGELOG.md
#   unix     bin/audit, share/man/man1/*.1, share/bash-completion/completions/audit,
#            share/zsh/site-functions/_audit, share/fish/vendor_completions.d/audit.fish,
#            share/audit/schemas/*.schema.json (what `make install` copies under PREFIX)
#   deb      usr/bin/audit, usr/share/man/man1/*.1.gz, usr/share/bash-completion/completions/audit,
#            usr/share/zsh/vendor-completions/_audit, usr/share/fish/vendor_completions.d/audit.fish,
#            usr/share/audit/schemas/*.schema.json, usr/share/doc/audit/{copyright,changelog.gz,README.md.gz}
# Everything is generated from the binary itself (its --experimental-dump-help, completion
# scripts and `audit schema`), so none of it can describe another build. Dates come from the
# last commit (SOURCE_DATE_EPOCH), so the same commit gives the same files.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ ${1:-} == --layout && $# == 3 ]] || { echo "usage: packaging/stage.sh --layout tarball|unix|deb DIR" >&2; exit 64; }
layout=$2 dir=$3
SWIFT=${SWIFT:-swift}
BIN=${AUDIT_BIN:-.build/release/audit}
[[ -x $BIN ]] || { echo "stage: $BIN missing: run make release" >&2; exit 2; }
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
day=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)

case $layout in
  tarball) bin=bin man=man/man1 bash=completions/audit.bash zsh=completions/_audit fish=completions/audit.fish schemas=schemas ;;
  unix) bin=bin man=share/man/man1 bash=share/bash-completion/completions/audit zsh=share/zsh/site-functions/_audit
        fish=share/fish/vendor_completions.d/audit.fish schemas=share/audit/schemas ;;
  deb) bin=usr/bin man=usr/share/man/man1 bash=usr/share/bash-completion/completions/audit zsh=usr/share/zsh/vendor-completions/_audit
       fish=usr/share/fish/vendor_completions.d/audit.fish schemas=usr/share/audit/schemas ;;
  *) echo "stage: unknown layout $layout" >&2; exit 64 ;;
esac

rm -rf "$dir"
mkdir -p "$dir/$bin" "$dir/$man" "$dir/$(dirname "$bash")" "$dir/$(dirname "$zsh")" "$dir/$(dirname "$fish")" "$dir/$schemas"
# Stripped: the symbols are a third of the file and nothing at run time reads them.
strip --strip-unneeded -o "$dir/$bin/audit" "$BIN"
chmod 0755 "$dir/$bin/audit"

# Man pages: swift-argument-parser's generate-manual reads the binary's --experimental-dump-help.
# Pages are named as git's and Debian's are (audit-batch.1, not audit.batch.1); `audit help`
# is not a page of its own.
"$SWIFT" build --product generate-manual >/dev/null
pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
"$("$SWIFT" build --show-bin-path)/generate-manual" "$BIN" --multi-page --date "$day" --output-directory "$pages" >/dev/null
rm -f "$pages/audit.help.1"
for page in "$pages"/*.1; do
  name=$(basename "$page")
  name=${name//./-}; name=${name%-1}.1
  sed -e 's/^\.Xr audit\.\([a-z]*\) /.Xr audit-\1 /' -e '/^\.Xr audit-help 1/d' \
      -e 's/^\.Dt AUDIT\.\([A-Z]*\) /.Dt AUDIT-\1 /' "$page" >"$dir/$man/$name"
done

"$dir/$bin/audit" --generate-completion-script bash >"$dir/$bash"
"$dir/$bin/audit" --generate-completion-script zsh >"$dir/$zsh"
"$dir/$bin/audit" --generate-completion-script fish >"$dir/$fish"

# One schema per kind `audit schema` knows (read from the binary's own help dump).
kinds=$("$dir/$bin/audit" --experimental-dump-help | python3 -c '
import json, sys
root = json.load(sys.stdin)["command"]
schema = next(c for c in root["subcommands"] if c["commandName"] == "schema")
kind = next(a for a in schema["arguments"] if a.get("valueName") == "kind")
print(" ".join(kind["allValues"]))')
for kind in $kinds; do
  "$dir/$bin/audit" schema "$kind" --output "$dir/$schemas/$kind.schema.json"
done

case $layout in
  tarball)
    cp README.md CHANGELOG.md "$dir/" ;;
  deb)
    gzip -9n "$dir/$man"/*.1
    doc=$dir/usr/share/doc/audit
    mkdir -p "$doc"
    cp packaging/copyright "$doc/copyright"
    gzip -9nc CHANGELOG.md >"$doc/changelog.gz"
    gzip -9nc README.md >"$doc/README.md.gz" ;;
esac
find "$dir" -type d -exec chmod 0755 {} +
find "$dir" -type f ! -path "*/$bin/audit" -exec chmod 0644 {} +
find "$dir" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
