# esp — two commands do all the set-up on a fresh Debian machine:
#   make demo   installs missing system packages, builds, prints the advice for an example visit
#   make test   the same set-up, then the whole test suite
PREFIX ?= /usr/local
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
# postgresql: the office register's tests and benchmarks run beside a throw-away cluster of its binaries
# (Scripts/with-test-postgres.sh: initdb into a temporary folder, a free port on 127.0.0.1; no system service used).
APT_PACKAGES = pkg-config libxml2-dev libsqlite3-dev libpango1.0-dev libcairo2-dev fonts-dejavu-core poppler-utils \
  postgresql
# Release builds link the Swift runtime statically: nothing to install on an office laptop but esp and its data,
# and a third less start-up time for every command (about 21 instead of 33 ms for esp advise).
RELEASE_FLAGS = -c release -Xswiftc -static-stdlib
export ESP_RELEASE_FLAGS = $(RELEASE_FLAGS)
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)
EXAMPLE ?= Examples/nuernberg-pensioner.json
# A C compiler for the allocation counter of make bench: the system's, else the Swift toolchain's clang.
BENCH_CC := $(shell command -v cc 2>/dev/null || command -v clang 2>/dev/null || echo $(dir $(SWIFT))clang)

.PHONY: all deps build debug demo test browser-test serve golden lint format bench fuzz sanitize previews install uninstall clean

all: build

# Installs only what is missing, so a second run costs a few dpkg look-ups.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "esp: installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

debug: deps
	$(SWIFT) build

# Only the esp product: test support (which imports Testing) is not part of what an office installs.
build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product esp

demo: debug
	@echo "== esp advise $(EXAMPLE)"
	@$$($(SWIFT) build --show-bin-path)/esp advise $(EXAMPLE)

test: deps lint
	$(SWIFT) build --build-tests
	Scripts/with-test-postgres.sh $(SWIFT) test --skip-build --disable-xctest
	ESP=$$($(SWIFT) build --show-bin-path)/esp Scripts/with-test-postgres.sh Tests/Browser/run.sh

# The browser tests alone (headless Chromium; installs Chromium, Selenium and axe-core when missing), on the debug build.
browser-test: deps
	$(SWIFT) build --product esp
	ESP=$$($(SWIFT) build --show-bin-path)/esp Scripts/with-test-postgres.sh Tests/Browser/run.sh

# esp serve on http://127.0.0.1:8080/ from the debug build.
serve: debug
	$$($(SWIFT) build --show-bin-path)/esp serve

# The style of .swift-format (4 spaces, 120 columns), checked strictly; `make format` rewrites the files.
LINTED = Sources Tests Benchmarks Package.swift
lint:
	$(SWIFT) format lint --strict --recursive $(LINTED)

format:
	$(SWIFT) format format --in-place --recursive $(LINTED)

# Rewrites every golden file (Tests/*/Golden) from the current outputs; review the diff before committing.
golden: deps
	$(SWIFT) build --build-tests
	ESP_UPDATE_GOLDEN=1 $(SWIFT) test --skip-build --disable-xctest --filter "Golden"

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/esp
	install -s -m 755 $$($(SWIFT) build $(RELEASE_FLAGS) --product esp --show-bin-path)/esp $(DESTDIR)$(PREFIX)/bin/esp
	rm -rf $(DESTDIR)$(PREFIX)/share/esp/Tariffs $(DESTDIR)$(PREFIX)/share/esp/Locales
	cp -R Tariffs $(DESTDIR)$(PREFIX)/share/esp/Tariffs
	if [ -d Locales ]; then cp -R Locales $(DESTDIR)$(PREFIX)/share/esp/Locales; fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/esp
	rm -rf $(DESTDIR)$(PREFIX)/share/esp

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz

# Benchmarks on a release build: every figure with its target (README, BENCHMARKS). Takes about two minutes.
bench: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product esp-core-benchmark
	mkdir -p .build && $(BENCH_CC) -O2 -shared -fPIC -o .build/alloc-count.so Benchmarks/alloc-count.c
	LD_PRELOAD=$(CURDIR)/.build/alloc-count.so $$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/esp-core-benchmark 100000 .
	Benchmarks/advise.sh 30
	Benchmarks/register.sh 10000
	Benchmarks/report-batch.sh 1000
	Scripts/with-test-postgres.sh Benchmarks/office.sh 10 1000 1000000
	Benchmarks/serve.sh 5

# libFuzzer targets (AddressSanitizer) for every parser of untrusted input, FUZZ_SECONDS each; exit 1 on a finding.
FUZZ_SECONDS ?= 600
fuzz: deps
	Tests/Fuzz/fuzz.sh $(FUZZ_SECONDS)

# The whole test suite under AddressSanitizer (with LeakSanitizer; system-library suppressions in Tests/Sanitizers),
# then ThreadSanitizer; separate build folders, debug builds. The tests run the sanitized esp binary too.
sanitize: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp:print_suppressions=0 \
	  $(SWIFT) test --skip-build --disable-xctest --sanitize=address --scratch-path .build-asan
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --skip-build --disable-xctest --sanitize=thread --scratch-path .build-tsan

# PNG previews to look at the sheet (kept out of git): a two-page and a one-page household in every language, and
# an office copy after a one-page household's sheet (with its blank back page).
previews: debug
	mkdir -p previews
	for l in de ru tr uk ar; do \
	  $$($(SWIFT) build --show-bin-path)/esp report Examples/nuernberg-family-ru.json --lang $$l -o previews/sheet-$$l.pdf --force && \
	  pdftoppm -png -r 80 previews/sheet-$$l.pdf previews/sheet-$$l && \
	  $$($(SWIFT) build --show-bin-path)/esp report Examples/bremen-house-heatpump.json --lang $$l -o previews/short-$$l.pdf --force && \
	  pdftoppm -png -r 80 previews/short-$$l.pdf previews/short-$$l; \
	done
	$$($(SWIFT) build --show-bin-path)/esp report Examples/bremen-house-heatpump.json --lang uk --second-language de \
	  -o previews/office.pdf --force && pdftoppm -png -r 80 previews/office.pdf previews/office
