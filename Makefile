SHELL := /bin/bash
# Quick start: `make run` audits the example report with the shipped rules; `make test`
# installs what is missing, builds and runs every test.
SWIFT ?= swift
PREFIX ?= /usr/local
BIN := .build/debug/audit

.PHONY: run test build release install deps bench clean

deps:
	@pkg-config --exists yaml-0.1 2>/dev/null || { \
	  echo "installing libyaml-dev"; \
	  (apt-get update -qq && apt-get install -y -qq libyaml-dev pkg-config) >/dev/null; }
	@PATH=/usr/local/bin:/usr/bin:/bin python3 -c 'import jsonschema' 2>/dev/null || { \
	  echo "installing python3-jsonschema (the tests validate SARIF output against its schema)"; \
	  (apt-get update -qq && apt-get install -y -qq python3-jsonschema) >/dev/null 2>&1 || pip install -q jsonschema; }

# rules/*.yaml are embedded by the EmbedRules build plugin on every `swift build`.
build: deps
	$(SWIFT) build

run: build
	$(BIN) fixtures/example-report.yaml --lang zh; status=$$?; [ $$status -le 1 ] || exit $$status

# The rule checks first, then the test suite, whose summary is the closing line.
test: deps
	$(SWIFT) build --build-tests
	$(BIN) lint rules
	$(BIN) test rules fixtures/reports
	$(SWIFT) test --skip-build --disable-xctest 2>&1 | tee .build/test.log; exit $${PIPESTATUS[0]}

release: deps
	$(SWIFT) build -c release

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 .build/release/audit $(DESTDIR)$(PREFIX)/bin/audit

bench: release
	bash bench/run.sh

clean:
	rm -rf .build
