#!/usr/bin/env bash
# Browser tests of `esp serve` (make test runs them after swift test): installs Chromium and its driver from Debian and
# Selenium, axe-core and openapi-spec-validator from PyPI when missing, starts esp serve on a free loopback port with a
# temporary register and a copy of the data, runs Tests/Browser/browser_tests.py, and stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
ESP="${ESP:-$(swift build --show-bin-path)/esp}"
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
missing=""
for p in chromium chromium-driver; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  echo "browser tests: installing$missing"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi
if ! python3 -c "import selenium, axe_selenium_python, openapi_spec_validator" 2>/dev/null; then
  echo "browser tests: installing selenium, axe-selenium-python, openapi-spec-validator"
  python3 -m pip install -q selenium axe-selenium-python openapi-spec-validator \
    || python3 -m pip install -q --break-system-packages selenium axe-selenium-python openapi-spec-validator
fi
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/data"
cp -R Tariffs Locales "$work/data/"
"$ESP" serve --port 0 --data "$work/data" --register "$work/register.sqlite" >"$work/serve.out" 2>"$work/serve.err" &
server=$!
for _ in $(seq 1 100); do grep -q "http://" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
address=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/serve.out" | head -1)
[ -n "$address" ] || { echo "esp serve did not start:"; cat "$work/serve.err"; exit 1; }
# Beside the throw-away cluster of make test (Scripts/with-test-postgres.sh): a second esp serve over an office
# register with one advisor, for the login's browser test.
office_address=""
if [ -n "${ESP_TEST_POSTGRES:-}" ]; then
  admin="${ESP_TEST_POSTGRES%%\?*}"
  admin="${admin%/*}"
  PGPASSWORD="$ESP_TEST_POSTGRES_PASSWORD" "$ESP_TEST_POSTGRES_BIN/psql" -qAtX -v ON_ERROR_STOP=1 \
    "$ESP_TEST_POSTGRES" -c "CREATE DATABASE browser_office"
  office="$admin/browser_office?sslmode=disable"
  PGPASSWORD="$ESP_TEST_POSTGRES_PASSWORD" "$ESP" register setup --register "$office" >/dev/null
  printf 'Anna-ihr-langes-Passwort\n' | PGPASSWORD="$ESP_TEST_POSTGRES_PASSWORD" \
    "$ESP" register users add anna_browser --role advisor --register "$office" >/dev/null
  HOME="$work" "$ESP" serve --port 0 --data "$work/data" --register "$office" --files "$work/office-web" \
    >"$work/office.out" 2>"$work/office.err" &
  office_server=$!
  trap 'kill "$office_server" 2>/dev/null || true; cleanup' EXIT
  for _ in $(seq 1 100); do grep -q "http://" "$work/office.out" 2>/dev/null && break; sleep 0.1; done
  office_address=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/office.out" | head -1)
  [ -n "$office_address" ] || { echo "esp serve (office register) did not start:"; cat "$work/office.err"; exit 1; }
fi
mkdir -p .build/browser
ESP_URL="$address" ESP_OFFICE_URL="$office_address" ESP_WORK="$work" SCREENSHOTS="$PWD/.build/browser" \
  python3 Tests/Browser/browser_tests.py
