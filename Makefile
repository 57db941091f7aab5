# PlaceMap — the two commands of the README's quick start.
#   make demo   installs what it needs, builds (release), and runs the main job
#   make test   the same set-up plus the tests' checkers, then swift test and a short robustness pass
#   make eval   extraction scored against the hand-coded corpus in ../shared/corpus (skipped without it)
# Also: make install [PREFIX=/usr/local], make bench, make fuzz, make killtest.
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_BUILD := libgeos-dev libproj-dev libsqlite3-dev libpq-dev pkg-config libjs-leaflet libjs-leaflet.markercluster
APT_TEST := gdal-bin python3 python3-pip chromium postgresql postgis postgresql-15-postgis-3
PIP_TEST := geographiclib shapely pyproj numpy
PLACEMAP := .build/release/placemap
PREFIX ?= /usr/local

.PHONY: demo test eval deps test-deps build release install bench fuzz killtest clean

demo: release
	$(PLACEMAP) map Examples --out Output

test: deps test-deps
	$(SWIFT) test
	$(MAKE) --no-print-directory build
	python3 -B Tests/Fuzz/fuzz.py --count 200 --seed $(SEED) --no-minimise --budget 150 $(FUZZ_REPORT_ONLY)
	python3 -B Tests/Fuzz/killtest.py --kills 3 --rename-kills 3 --signals 1 --concurrent 1 --events 1500
	python3 -B Tests/Fuzz/fuzz.py --replay $(REPLAY_CASES)

build: deps
	$(SWIFT) build --product placemap

# Reading quality: `placemap evaluate` on the development corpus beside the clone. Scores are not
# failures (exit 0 whenever it ran); without ../shared there is nothing to measure.
CORPUS := ../shared/corpus

eval:
	@if [ -d $(CORPUS)/articles ] && [ -f $(CORPUS)/gold_events.csv ]; then \
	  $(MAKE) --no-print-directory release && \
	  $(PLACEMAP) evaluate --gold $(CORPUS)/gold_events.csv --toponyms $(CORPUS)/gold_toponyms.csv $(CORPUS)/articles; \
	else \
	  echo "make eval: skipped: $(CORPUS) (articles/ and gold_events.csv) is not beside this clone"; \
	fi

release: deps
	$(SWIFT) build -c release --product placemap

# The binary in PREFIX/bin and the data it reads (the gazetteer, lexicons, control table) in
# PREFIX/share/placemap/Gazetteer, where placemap looks for it beside its own folder.
install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/placemap
	install -m 755 $(PLACEMAP) $(DESTDIR)$(PREFIX)/bin/placemap
	rm -rf $(DESTDIR)$(PREFIX)/share/placemap/Gazetteer
	cp -R Gazetteer $(DESTDIR)$(PREFIX)/share/placemap/Gazetteer
	@echo "installed $(DESTDIR)$(PREFIX)/bin/placemap and $(DESTDIR)$(PREFIX)/share/placemap/Gazetteer"

# Benchmark data: the shared seeded generator (a build-time script; needs numpy, which test-deps
# installs). Without ../shared the bench makes its own synthetic events of the same distribution.
GEN := ../shared/bench/gen_events.py
BENCH_SIZES := 10000 100000 1000000
BENCH_CSVS := $(foreach n,$(BENCH_SIZES),.build/bench/events-$(n)-42.csv)

bench: release
	@if [ -f $(GEN) ]; then \
	  $(MAKE) --no-print-directory $(BENCH_CSVS) && \
	  .build/release/placemap bench $(foreach f,$(BENCH_CSVS),--events $(f)); \
	else \
	  .build/release/placemap bench; \
	fi

.build/bench/events-%-42.csv:
	mkdir -p $(dir $@)
	python3 $(GEN) $* 42 $@

# Robustness (issue 15; Tests/Fuzz/README.md). Both run the debug binary and fail on what they find.
#   make fuzz [N=10000] [SEED=1] [JOBS=2]   N mutated inputs over every format (default 300)
#   make killtest [N=50]                     N SIGKILLs at random moments (default 20), one at each
#                                            publishing rename, SIGTERM/SIGINT, two runs at once
# `make test` runs a short pass of each after swift test: a crash or a hang found by the fuzz pass, a
# mixed --out or a staging folder left behind by the kill pass fails it (FUZZ_STRICT=0: the fuzz pass
# only reports).
FUZZ_STRICT ?= 1
# The issue's reproducers replayed by `make test` (each must say `fixed`): all but the kill-test scenarios
# (the kill pass covers them) and the timing ones (long-*: LongTextTests and MergeWorkTests count instead).
REPLAY_CASES := $(filter-out Tests/Fuzz/cases/publish-% Tests/Fuzz/cases/long-%,$(wildcard Tests/Fuzz/cases/*))
FUZZ_REPORT_ONLY := $(if $(filter 1,$(FUZZ_STRICT)),,--report-only)
SEED ?= 1
JOBS ?= 1

fuzz: build
	python3 -B Tests/Fuzz/fuzz.py --count $(if $(filter command line,$(origin N)),$(N),300) --seed $(SEED) --jobs $(JOBS)

killtest: build
	python3 -B Tests/Fuzz/killtest.py --kills $(if $(filter command line,$(origin N)),$(N),20) --seed $(SEED)

# Debian packages, installed only when missing.
deps:
	@missing=""; for p in $(APT_BUILD); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

test-deps:
	@missing=""; for p in $(APT_TEST); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	@python3 -c "import geographiclib, shapely, pyproj, numpy" 2>/dev/null || \
	  python3 -m pip install -q $(PIP_TEST) 2>/dev/null || \
	  python3 -m pip install -q --break-system-packages $(PIP_TEST)

clean:
	rm -rf .build
