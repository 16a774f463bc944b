#!/usr/bin/env bash
# Runs a command beside a throw-away PostgreSQL cluster, for the office register's tests and benchmarks:
# initdb into a temporary folder, a free port on 127.0.0.1 (no Docker, no system service), a superuser
# esp_test_admin with a random password. The command finds it in ESP_TEST_POSTGRES (the address) and
# ESP_TEST_POSTGRES_PASSWORD. The cluster is stopped and its folder removed when the command ends, however it ends.
# PostgreSQL refuses to run as root: as root, the cluster runs as the system user postgres (Debian's package makes it).
set -euo pipefail

bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "with-test-postgres: no PostgreSQL server found (apt-get install postgresql, or set PG_BIN)" >&2
  exit 1
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/esp-test-postgres.XXXXXX")
run=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$dir"
  run=(runuser -u postgres --)
fi

stop() {
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$password" > "$dir/password"
chmod 600 "$dir/password"
[ "$(id -u)" = 0 ] && chown postgres: "$dir/password"
"${run[@]}" "$bin/initdb" -D "$dir/data" -U esp_test_admin --pwfile="$dir/password" -E UTF8 --locale=C.UTF-8 \
  --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }

# A free port: ask the kernel for one, then start the server on it (another program taking it in between is
# answered by trying again).
for attempt in 1 2 3 4 5; do
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=off \
          -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB -c work_mem=64MB" \
      start >/dev/null; then
    break
  fi
  [ "$attempt" = 5 ] && { cat "$dir/server.log" >&2; exit 1; }
done

export ESP_TEST_POSTGRES="postgresql://esp_test_admin@127.0.0.1:$port/postgres?sslmode=disable"
export ESP_TEST_POSTGRES_PASSWORD="$password"
export ESP_TEST_POSTGRES_BIN="$bin"
echo "with-test-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
status=0
"$@" || status=$?
exit $status
