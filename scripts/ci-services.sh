#!/usr/bin/env bash
# Starts the local PostgreSQL and Redis the scale-out tests (test/scale) run against,
# when they are installed but not running; installs them with apt only when the
# binaries are missing. Idempotent. Never fails: when a service cannot start, the
# scale tests skip with a message naming it.
#   PostgreSQL: 127.0.0.1:5432, trust auth, database `test`
#   Redis:      127.0.0.1:6379, no persistence
set -u

log() { echo "ci-services: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"; else return 1; fi
}

pg_up() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; }
redis_up() { command -v redis-cli >/dev/null 2>&1 && [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }

wait_for() { # wait_for <check-fn> <seconds>
  local i=0
  while [ "$i" -lt "$(($2 * 4))" ]; do
    "$1" && return 0
    sleep 0.25
    i=$((i + 1))
  done
  return 1
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  log "installing $* with apt"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 && return 0
  as_root apt-get update -q >/dev/null 2>&1 &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1
}

start_postgres() {
  if pg_up; then log "PostgreSQL already running"; else
    command -v pg_ctlcluster >/dev/null 2>&1 || apt_install postgresql || { log "PostgreSQL not installable; scale tests will skip"; return 0; }
    local version
    version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
    [ -n "$version" ] || { log "no PostgreSQL cluster under /etc/postgresql; scale tests will skip"; return 0; }
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
    wait_for pg_up 20 || { log "PostgreSQL did not start; scale tests will skip"; return 0; }
    log "PostgreSQL $version started"
  fi
  # Trust auth for loopback is the cluster's configuration; only make sure the test database exists.
  if ! psql -h 127.0.0.1 -U postgres -d test -tAc 'SELECT 1' >/dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc 'CREATE DATABASE test' >/dev/null 2>&1 ||
      as_root su postgres -c "psql -qc 'CREATE DATABASE test'" >/dev/null 2>&1 ||
      log "could not create database test"
  fi
}

start_redis() {
  if redis_up; then log "Redis already running"; return 0; fi
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server || { log "Redis not installable; scale tests will skip"; return 0; }
  as_root mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null 2>&1 || true
  wait_for redis_up 10 || { log "Redis did not start; scale tests will skip"; return 0; }
  log "Redis started"
}

start_postgres
start_redis
exit 0
