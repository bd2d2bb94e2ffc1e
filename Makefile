# Casebook's two commands are `make run` and `make test`; each installs what it
# needs first. Other targets: bench, bench-webview, bundle, bindings, e2e,
# lint.

SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := run

CARGO ?= cargo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APP := target/debug/casebook
# Building the webview needs these; the end-to-end tests add a virtual
# display, WebKit's WebDriver, ImageMagick for looking at screenshots, and
# D-Bus for a private bus that stands in for logind's sleep signal.
BUILD_PACKAGES := libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev libdbus-1-dev librsvg2-dev
TEST_PACKAGES := xvfb webkit2gtk-driver imagemagick dbus
# Smaller WebKit memory and steadier rendering under a virtual display.
WEBKIT_ENV := WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1

.PHONY: run test bench bench-webview bundle bindings e2e lint ui app deps deps-build deps-test deps-ui fmt-check clippy test-rust test-ui

## make run: install what is missing, build, and start Casebook.
run: deps-build deps-ui app
	$(WEBKIT_ENV) ./$(APP)

## make test: install what the tests need and run every layer of tests.
test: deps-build deps-test deps-ui ui fmt-check clippy test-rust test-ui e2e

# Installs the Debian packages named in $(1) that are not installed yet.
define install_missing_packages
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
endef

deps-build:
	$(call install_missing_packages,$(BUILD_PACKAGES))

deps-test:
	$(call install_missing_packages,$(TEST_PACKAGES))
	@command -v tauri-driver >/dev/null || [ -x "$$HOME/.cargo/bin/tauri-driver" ] || $(CARGO) install tauri-driver --locked

deps-ui: ui/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package-lock.json ui/package.json
	npm --prefix ui ci --no-audit --no-fund
	@touch $@

ui: deps-ui
	npm --prefix ui run build

app: ui
	$(CARGO) build -p casebook

fmt-check:
	$(CARGO) fmt --all -- --check

clippy: ui
	$(CARGO) clippy --workspace --all-targets --all-features -- -D warnings

lint: fmt-check clippy
	npm --prefix ui run check

# The convergence property test runs again in a release build, far longer:
# 2,000 cases (1,000 for each of its two tests, which run side by side),
# each computer taking up to 200 steps. Its units go in memory
# (/dev/shm) where there is one: it tests merging, not the disk.
CONVERGENCE_TMP := $(shell [ -d /dev/shm ] && [ -w /dev/shm ] && echo /dev/shm || echo /tmp)

test-rust: ui
	$(CARGO) test --workspace
	TMPDIR=$(CONVERGENCE_TMP) PROPTEST_CASES=1000 CASEBOOK_CONVERGENCE_STEPS=200 \
	  $(CARGO) test --release -p casebook-core --test sync_convergence

test-ui: deps-ui
	npm --prefix ui run check
	npm --prefix ui test

## make e2e: the built app in its real webview, under a virtual display.
e2e: app deps-test
	PATH="$$HOME/.cargo/bin:$$PATH" CASEBOOK_APP="$(CURDIR)/$(APP)" $(WEBKIT_ENV) \
	  xvfb-run -a -s "-screen 0 1280x800x24" \
	  $(CARGO) test -p casebook-e2e --features webview --test webview -- --test-threads=1

## make bench: storage benchmarks, encrypted beside plain SQLite, then the
## webview benchmark.
bench:
	$(CARGO) bench -p casebook-core --bench storage
	$(CARGO) bench -p casebook-core --bench sync
	$(CARGO) bench -p casebook-core --bench casework
	$(CARGO) bench -p casebook-core --bench pathways
	$(MAKE) --no-print-directory bench-webview

## make bench-webview: the release app in its real webview at county scale
## (sign-in, filters, sorts, search, a long timeline, the audit trail, the
## diary, memory beside a bare Tauri window); the table is also written to
## target/webview-bench.txt. The bare window is a package of its own, built
## with the workspace's target folder so it reuses the compiled Tauri.
bench-webview: deps-build deps-test deps-ui ui
	$(CARGO) build --release -p casebook
	CARGO_TARGET_DIR="$(CURDIR)/target" $(CARGO) build --release --manifest-path benches/bare-window/Cargo.toml
	PATH="$$HOME/.cargo/bin:$$PATH" $(WEBKIT_ENV) \
	  CASEBOOK_APP="$(CURDIR)/target/release/casebook" \
	  CASEBOOK_BARE_WINDOW="$(CURDIR)/target/release/bare-window" \
	  xvfb-run -a -s "-screen 0 1280x800x24" \
	  $(CARGO) bench -p casebook-e2e --features webview --bench webview

## make bundle: Linux packages under target/release/bundle: the .deb always,
## and the AppImage where Tauri can fetch its AppImage tools (linuxdeploy and
## AppRun come from GitHub on first use, so a machine without that access
## gets the .deb alone, with a message saying so).
bundle: deps-build deps-ui ui
	npm --prefix ui exec -- tauri build --bundles deb
	npm --prefix ui exec -- tauri build --bundles appimage || \
	  echo "No AppImage: Tauri could not fetch its AppImage tools on this machine. The .deb is in target/release/bundle/deb/."

## make bindings: regenerate ui/src/lib/ipc/bindings.ts from the Rust wire types.
bindings:
	UPDATE_BINDINGS=1 $(CARGO) test -p casebook --lib typescript_bindings_are_current
