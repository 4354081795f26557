#!/usr/bin/env bash
# packaging/dist-test.sh: what `make dist` wrote, used as a stranger's machine would use it.
# Each check prints `ok …` or `FAIL …`; any FAIL fails the run (exit 1).
#   - the tarball: its SHA-256 file, its layout, SHA256SUMS inside; the binary run with a clean
#     environment (env -i: no PATH, no LD_LIBRARY_PATH) and, where a mount namespace can be had,
#     with /opt/swift hidden: --version, the example report, a batch of fixture reports;
#     ldd: no Swift runtime, Foundation, ICU or libyaml; man -l renders the pages;
#   - packaging twice gives the same tarball bytes;
#   - the .deb: dpkg-deb fields (Depends computed), installed into a scratch root with
#     dpkg --root, every file where Debian expects it, and the installed binary runs.
set -uo pipefail
cd "$(dirname "$0")/.."
failures=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else fail "$what"; fi; }

version=$(.build/release/audit --version | awk '{print $2}')
name=audit-$version-linux-$(uname -m)
tarball=dist/$name.tar.gz
[[ -f $tarball ]] || { echo "FAIL $tarball missing: run make dist"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# MARK: - Tarball
check "the tarball's .sha256 matches" bash -c "cd dist && sha256sum -c '$name.tar.gz.sha256'"
tar -xzf "$tarball" -C "$tmp"
top=$tmp/$name
for f in bin/audit man/man1/audit.1 man/man1/audit-check.1 man/man1/audit-batch.1 man/man1/audit-schema.1 \
         completions/audit.bash completions/_audit completions/audit.fish \
         schemas/{report,pack,extension,waivers,profile,results}.schema.json \
         README.md CHANGELOG.md SHA256SUMS; do
  check "tarball has $f" test -s "$top/$f"
done
check "no audit.help.1 page, no audit.X.1 names" bash -c "! ls '$top/man/man1' | grep -q -e '^audit\\.[a-z]' -e help"
check "SHA256SUMS inside verifies every file" bash -c "cd '$top' && sha256sum -c --quiet SHA256SUMS && [ \$(wc -l <SHA256SUMS) -eq \$(find . -type f ! -name SHA256SUMS | wc -l) ]"
owners=$(tar -tvzf "$tarball" | awk '{print $2}' | sort -u | tr '\n' ' ')
times=$(tar -tvzf "$tarball" | awk '{print $4, $5}' | sort -u | wc -l)
[[ $owners == "0/0 " && $times == 1 ]] && ok "entries owned by 0/0, one mtime" || fail "owners: $owners; $times different mtimes"
for schema in "$top"/schemas/*.schema.json; do
  check "$(basename "$schema") is a draft 2020-12 JSON Schema" python3 -c "
import json, sys, jsonschema
s = json.load(open(sys.argv[1]))
assert s['\$schema'] == 'https://json-schema.org/draft/2020-12/schema'
jsonschema.Draft202012Validator.check_schema(s)" "$schema"
done

# A clean environment, and no Swift toolchain to fall back on where /opt/swift can be hidden.
bin=$top/bin/audit
clean() { env -i "$@"; }
if [[ -d /opt/swift ]] && unshare --mount --propagation private true 2>/dev/null; then
  clean() { unshare --mount --propagation private sh -c 'mount -t tmpfs none /opt/swift && exec env -i "$@"' sh "$@"; }
  ok "runs below are in a mount namespace with /opt/swift hidden"
else
  echo "note /opt/swift not hidden (no toolchain there, or no mount namespace): runs use env -i alone"
fi
out=$(clean "$bin" --version) && [[ $out =~ ^audit\ $version\ \(rules\ [0-9a-f]{12}…\)$ ]] \
  && ok "--version: $out" || fail "--version printed '$out'"
# What the EmbedRules plugin stamps: the tag without its v, else 0.0.0-g<hash>, else 0.0.0-unknown.
described=$(git -c safe.directory='*' describe --tags --match 'v[0-9]*' --always --dirty 2>/dev/null)
case $described in
  v[0-9]*) expected=${described#v} ;;
  "") expected=0.0.0-unknown ;;
  *) expected=0.0.0-g$described ;;
esac
[[ $version == "$expected" ]] && ok "the version is git describe's ($version)" || fail "version $version, git describe says $expected"
cp fixtures/example-report.yaml "$tmp/example.yaml"
clean "$bin" "$tmp/example.yaml" --lang zh >"$tmp/example.txt" 2>&1
status=$?
[[ $status -le 1 ]] && grep -q "得分\|总分\|score" "$tmp/example.txt" && ok "audits the example (exit $status)" \
  || fail "auditing the example: exit $status: $(head -3 "$tmp/example.txt")"
mkdir -p "$tmp/reports"
ls fixtures/reports/*.yaml | grep -v '\.expect\.yaml$' | head -n 5 | xargs -I{} cp {} "$tmp/reports/"
clean "$bin" batch "$tmp/reports" --out "$tmp/batch" >"$tmp/batch.txt" 2>&1
status=$?
[[ $status -le 1 && $(wc -l <"$tmp/batch/results.jsonl") -eq 5 ]] && ok "batch of 5 reports (exit $status)" \
  || fail "batch: exit $status: $(tail -3 "$tmp/batch.txt")"
libs=$(ldd "$bin" 2>&1)
if grep -qiE 'swift|Foundation|icu|yaml|not found' <<<"$libs"; then fail "ldd shows: $libs"; else ok "ldd: $(awk '{print $1}' <<<"$libs" | tr '\n' ' ')"; fi
check "no RUNPATH into a toolchain" bash -c "readelf -d '$bin' >'$tmp/dynamic.txt' && ! grep -E 'R(UN)?PATH' '$tmp/dynamic.txt' | grep -q swift"
for page in "$top"/man/man1/*.1; do
  text=$(MANWIDTH=100 man -l "$page" 2>&1)
  grep -q "^NAME" <<<"$text" && grep -q "^SYNOPSIS" <<<"$text" && ! grep -q "audit\.[a-z]" <<<"$text" \
    && ok "man -l $(basename "$page")" || fail "man -l $(basename "$page"): $(head -5 <<<"$text")"
done
MANWIDTH=100 man -l "$top/man/man1/audit-batch.1" 2>/dev/null | grep -q -- "--jobs" \
  && ok "audit-batch.1 documents --jobs" || fail "audit-batch.1 lacks --jobs"
bash -c "source '$top/completions/audit.bash' && complete -p audit" >/dev/null 2>&1 \
  && ok "bash completion loads and registers audit" || fail "bash completion does not load"

# MARK: - Reproducible
first=$(sha256sum "$tarball" | cut -d' ' -f1)
rm -f "$tarball"
if bash packaging/dist.sh >"$tmp/dist-again.txt" 2>&1 && [[ -f $tarball ]]; then
  [[ $(sha256sum "$tarball" | cut -d' ' -f1) == "$first" ]] && ok "packaging again gives the same tarball bytes" \
    || fail "packaging again changed the tarball"
else
  fail "packaging again failed: $(tail -3 "$tmp/dist-again.txt")"
fi

# MARK: - Debian package
deb=dist/audit_$(echo "$version" | sed -e 's/-/+/' -e 's/-/./g')_$(dpkg --print-architecture).deb
if [[ ! -f $deb ]]; then fail "no $deb"; else
  depends=$(dpkg-deb -f "$deb" Depends)
  [[ $depends == *libc6* && $depends != *yaml* && $depends != *swift* ]] && ok "Depends: $depends" || fail "Depends: '$depends'"
  [[ $(dpkg-deb -f "$deb" Package) == audit ]] && ok "Package: audit" || fail "Package field"
  root=$tmp/root
  mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
  touch "$root/var/lib/dpkg/status"
  # The scratch root has no libc6 package: its Depends cannot be met there, and is checked above.
  if dpkg --root="$root" --force-depends --force-not-root --force-script-chrootless --log=/dev/null \
       --path-include='/usr/share/man/*' --path-include='/usr/share/doc/*' -i "$deb" >"$tmp/dpkg.txt" 2>&1; then
    ok "dpkg --root installs it"
  else
    fail "dpkg --root: $(tail -3 "$tmp/dpkg.txt")"
  fi
  for f in usr/bin/audit usr/share/man/man1/audit.1.gz usr/share/man/man1/audit-batch.1.gz \
           usr/share/bash-completion/completions/audit usr/share/zsh/vendor-completions/_audit \
           usr/share/fish/vendor_completions.d/audit.fish usr/share/audit/schemas/report.schema.json \
           usr/share/doc/audit/copyright usr/share/doc/audit/changelog.gz; do
    check "installed /$f" test -s "$root/$f"
  done
  grep -q "^Status: install ok installed" "$root/var/lib/dpkg/status" && ok "dpkg records it installed" || fail "dpkg status"
  check "the .deb's md5sums list the binary" bash -c "dpkg-deb -I '$deb' md5sums | grep -q ' usr/bin/audit\$'"
  check "dpkg --verify: installed files match the md5sums" bash -c "out=\$(dpkg --root='$root' --verify audit 2>&1) && [ -z \"\$out\" ]"
  out=$(clean "$root/usr/bin/audit" --version) && [[ $out == "audit $version "* ]] && ok "installed binary: $out" \
    || fail "installed binary: '$out'"
  check "man -l the installed audit.1.gz" bash -c "man -l '$root/usr/share/man/man1/audit.1.gz' | grep -q SYNOPSIS"
fi

# MARK: - make install
make --no-print-directory install DESTDIR="$tmp/destdir" PREFIX=/usr/local >"$tmp/install.txt" 2>&1 \
  && ok "make install DESTDIR=… PREFIX=/usr/local" || fail "make install: $(tail -3 "$tmp/install.txt")"
for f in bin/audit share/man/man1/audit.1 share/man/man1/audit-batch.1 share/bash-completion/completions/audit \
         share/zsh/site-functions/_audit share/fish/vendor_completions.d/audit.fish share/audit/schemas/report.schema.json; do
  check "make install put /usr/local/$f" test -s "$tmp/destdir/usr/local/$f"
done
cmp -s "$tmp/destdir/usr/local/bin/audit" "$top/bin/audit" && ok "make install's binary is the tarball's" \
  || fail "make install's binary differs from the tarball's"

echo
if [[ $failures -gt 0 ]]; then echo "dist-test: $failures failed"; exit 1; fi
echo "dist-test: all passed"
