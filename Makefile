SHELL := /bin/bash
# Quick start: `make run` audits the example report with the shipped rules; `make test`
# installs what is missing, builds and runs every test.
SWIFT ?= swift
PREFIX ?= /usr/local
BIN := .build/debug/audit
# Release builds link the Swift runtime and libyaml statically (scripts/release-build.sh): one
# file that runs without Swift or libyaml installed, and a start-up without the dynamic loader
# resolving ten Swift libraries (bench/run.sh, (h)).
RELEASE_FLAGS ?= -c release --static-swift-stdlib

.PHONY: run test build release install dist dist-test deps build-deps dist-deps bench fuzz clean

# What building needs (make run, release, install); dist adds the Debian tools; the tests need
# everything (deps).
build-deps:
	@pkg-config --exists yaml-0.1 2>/dev/null || { \
	  echo "installing libyaml-dev"; \
	  (apt-get update -qq && apt-get install -y -qq libyaml-dev pkg-config) >/dev/null; }

dist-deps:
	@{ command -v dpkg-shlibdeps && command -v man && command -v strip; } >/dev/null 2>&1 || { \
	  echo "installing dpkg-dev, man-db and binutils (make dist builds a .deb; make dist-test renders the man pages)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dpkg-dev man-db binutils) >/dev/null; }

deps: build-deps dist-deps
	@PATH=/usr/local/bin:/usr/bin:/bin python3 -c 'import jsonschema' 2>/dev/null || { \
	  echo "installing python3-jsonschema (the tests validate SARIF output against its schema)"; \
	  (apt-get update -qq && apt-get install -y -qq python3-jsonschema) >/dev/null 2>&1 || pip install -q jsonschema; }
	@{ command -v chromium && command -v pdftotext && fc-list | grep -q "Noto Sans CJK"; } >/dev/null 2>&1 || { \
	  echo "installing chromium, fonts-noto-cjk and poppler-utils (the tests print the HTML report to PDF)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils) >/dev/null; }

# rules/*.yaml are embedded by the EmbedRules build plugin on every `swift build`.
build: build-deps
	$(SWIFT) build

run: build
	$(BIN) fixtures/example-report.yaml --lang zh; status=$$?; [ $$status -le 1 ] || exit $$status

# The rule checks first, then the packages as a stranger's machine would use them (a release
# build), then the test suite, whose summary is the closing line.
test: deps
	$(SWIFT) build --build-tests
	$(BIN) lint rules
	$(BIN) test rules fixtures/reports
	$(MAKE) --no-print-directory dist-test
	$(SWIFT) test --skip-build --disable-xctest 2>&1 | tee .build/test.log; exit $${PIPESTATUS[0]}

release: build-deps
	SWIFT="$(SWIFT)" RELEASE_FLAGS="$(RELEASE_FLAGS)" bash scripts/release-build.sh audit audit-bench

# The binary, man pages, completions and JSON Schemas, staged by packaging/stage.sh: the same
# set as the tarball and the .deb.
install: release
	SWIFT="$(SWIFT)" bash packaging/stage.sh --layout unix .build/stage-install
	install -d "$(DESTDIR)$(PREFIX)"
	cp -R .build/stage-install/. "$(DESTDIR)$(PREFIX)/"

# dist/audit-VERSION-linux-x86_64.tar.gz (+ .sha256) and dist/audit_VERSION_amd64.deb.
dist: dist-deps release
	SWIFT="$(SWIFT)" bash packaging/dist.sh

# Unpacks and installs what `make dist` made as a stranger's machine would, and runs it.
dist-test: deps dist
	SWIFT="$(SWIFT)" bash packaging/dist-test.sh

bench: release
	RELEASE_FLAGS="$(RELEASE_FLAGS)" bash bench/run.sh

# Fuzzing (minutes, not part of `make test`): each target runs FUZZ_SECONDS (default 1200)
# (leak reports are off: the Swift runtime's caches live until exit)
# from the seeds (fixtures and fixtures/fuzz/seeds) plus the corpus it grew before, in its
# own build folder with libFuzzer and AddressSanitizer. A crash or timeout is written to
# .build/fuzz-artifacts/; save it under fixtures/fuzz/<target>/ (the tests replay those) and fix it.
FUZZ_SECONDS ?= 1200
FUZZ_TARGETS ?= report expression rulefiles previous
FUZZ_BIN := .build/fuzz/release
fuzz: build-deps
	@for t in $(FUZZ_TARGETS); do AUDIT_FUZZ=1 $(SWIFT) build -c release --build-path .build/fuzz --product fuzz-$$t || exit 1; done
	@mkdir -p .build/fuzz-artifacts
	@for t in $(FUZZ_TARGETS); do \
	  case $$t in \
	    report) seeds="fixtures/reports fixtures/broken-reports fixtures/broken-yaml fixtures/extensions/reports";; \
	    expression) seeds="fixtures/fuzz/seeds/expression";; \
	    rulefiles) seeds="rules fixtures/broken-rules fixtures/broken-extensions fixtures/profiles fixtures/extensions/hotline";; \
	    previous) seeds="fixtures/fuzz/seeds/previous";; \
	  esac; \
	  mkdir -p .build/fuzz-corpus/$$t fixtures/fuzz/$$t; \
	  echo "fuzz-$$t: $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=0 $(FUZZ_BIN)/fuzz-$$t .build/fuzz-corpus/$$t fixtures/fuzz/$$t $$seeds -max_total_time=$(FUZZ_SECONDS) \
	    -timeout=10 -rss_limit_mb=2048 -max_len=65536 -detect_leaks=0 -print_final_stats=1 \
	    -artifact_prefix=.build/fuzz-artifacts/$$t- 2>&1 | tail -25 || exit 1; \
	done

clean:
	rm -rf .build
