# PlaceMap — the two commands of the README's quick start.
#   make demo   installs what it needs, builds, and runs the main job
#   make test   the same set-up plus the tests' checkers, then swift test
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_BUILD := libgeos-dev libproj-dev pkg-config
APT_TEST := gdal-bin python3 python3-pip chromium
PIP_TEST := geographiclib shapely pyproj numpy
PLACEMAP := .build/debug/placemap

.PHONY: demo test deps test-deps build release bench clean

demo: deps build
	$(PLACEMAP) map Examples --out Output

test: deps test-deps
	$(SWIFT) test

build:
	$(SWIFT) build --product placemap

release: deps
	$(SWIFT) build -c release --product placemap

BENCH_CSV := .build/bench/events-1000000-42.csv

bench: release $(BENCH_CSV)
	.build/release/placemap bench

# Benchmark data (build-time script; needs numpy, which test-deps installs).
$(BENCH_CSV):
	mkdir -p $(dir $@)
	python3 ../shared/bench/gen_events.py 1000000 42 $@

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
