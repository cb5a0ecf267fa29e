#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 + PostGIS server in a folder of its own and prints its
# DATABASE_URL. Usage: .ci/pg.sh start|stop [folder] [port]
set -euo pipefail
action=${1:?start or stop}
root=${2:-/tmp/versorgungsatlas-pg}
port=${3:-55432}
bin=/usr/lib/postgresql/15/bin
case "$action" in
  start)
    if [ ! -x "$bin/initdb" ] || [ ! -d /usr/share/postgresql/15/extension ] || ! ls /usr/share/postgresql/15/extension/postgis.control >/dev/null 2>&1; then
      echo "PostgreSQL 15 with PostGIS is not installed (apt-get install postgresql-15-postgis-3)" >&2
      exit 1
    fi
    if [ -f "$root/data/postmaster.pid" ]; then
      runuser -u postgres -- "$bin/pg_ctl" -D "$root/data" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$root"
    mkdir -p "$root"
    chown postgres:postgres "$root"
    chmod o+x "$(dirname "$root")"  # the server runs as postgres and must reach its folder
    runuser -u postgres -- "$bin/initdb" -D "$root/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$root/initdb.log"
    runuser -u postgres -- "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 30 \
      -o "-p $port -k $root -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    runuser -u postgres -- "$bin/pg_ctl" -D "$root/data" -m fast stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop [folder] [port]" >&2
    exit 2
    ;;
esac
