# Crossroads — the two commands a new user runs are `make site` and `make test`.
SWIFT ?= swift
APT_PACKAGES = libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
BROWSER_PACKAGES = chromium chromium-driver poppler-utils
RELEASE_BIN = .build/release/crossroads
DEBUG_BIN = .build/debug/crossroads

.PHONY: site test deps browser-deps release serve check bench fuzz clean

## Install the Debian packages the build needs (only those that are missing).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

## Headless Chromium and its WebDriver, for the browser tests.
browser-deps:
	@missing=""; for p in $(BROWSER_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

release: deps
	$(SWIFT) build -c release --product crossroads

## Build the default guides into public/.
site: release
	$(RELEASE_BIN) build --source . --output public

## Every test: unit, end-to-end builds, Node conformance and headless Chromium.
# Tests run in parallel; the closing "N passed, N failed" line is read from the xUnit report.
test: deps browser-deps
	$(SWIFT) build --build-tests
	@status=0; $(SWIFT) test --skip-build --parallel --num-workers 2 --xunit-output .build/xunit.xml || status=$$?; \
	total=$$(grep -o 'tests="[0-9]*"' .build/xunit.xml | head -1 | tr -dc 0-9); \
	failed=$$(grep -o 'failures="[0-9]*"' .build/xunit.xml | head -1 | tr -dc 0-9); \
	if [ -z "$$total" ]; then echo "no test report was written"; exit 1; fi; \
	echo "$$((total - failed)) passed, $$failed failed"; \
	exit $$status

## Preview with live reload on http://127.0.0.1:1313/
serve: deps
	$(SWIFT) build --product crossroads
	$(DEBUG_BIN) serve --source .

## Property-based fuzzing of the front-matter splitter, front-matter decoding, placeholders, the
## questionnaire loader, output-path normalisation and the output map: each property runs
## FUZZ_SECONDS (default 100 s: about 13 minutes in all) from a fresh seed, printed so a failure can be replayed with FUZZ_SEED=... .
FUZZ_SECONDS ?= 100
fuzz: deps
	$(SWIFT) build --build-tests
	FUZZ_SECONDS=$(FUZZ_SECONDS) $(SWIFT) test --skip-build --filter 'FuzzPropertyTests|OutputPathPropertyTests'

check: deps
	$(SWIFT) build --product crossroads
	$(DEBUG_BIN) check --source .

## Benchmark (issue 7, never a test): Crossroads vs Hugo vs the cmark-gfm floor at 1,000 and
## 10,000 generated pages, plus one-page edits; prints a table and writes docs/performance.md.
bench: deps
	@if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; missing=""; \
	command -v hugo >/dev/null 2>&1 || missing="$$missing hugo"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	command -v cc >/dev/null 2>&1 || missing="$$missing gcc"; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	if [ -n "$$missing" ]; then echo "Installing:$$missing"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; fi
	$(SWIFT) build -c release --scratch-path .build-bench --product crossroads
	bench/run.sh

clean:
	rm -rf .build public .crossroads-cache
