#!/usr/bin/env bash
# Makes a PostgreSQL and a RabbitMQ reachable on loopback for the integration tests and exports where they are.
# Sourced by test.sh. Uses Debian's packages (installed when absent), started without systemd.
# Where a Docker engine runs and no local server is wanted, the tests start Testcontainers instead (IP_TEST_USE_TESTCONTAINERS=1).

services_dir="${IP_TEST_SERVICES_DIR:-$PWD/.test-services}"
# The servers run as their own users (postgres, rabbitmq). A checkout other users cannot reach (a clone inside a private
# `mktemp -d` folder, mode 0700) keeps their data under /var/tmp instead, one folder per checkout.
if [ -z "${IP_TEST_SERVICES_DIR:-}" ] && [ "$(id -u)" = "0" ] && ! runuser -u nobody -- test -x "$PWD" 2>/dev/null; then
  mkdir -p /var/tmp/investment-platform-tests && chmod 755 /var/tmp/investment-platform-tests
  services_dir="/var/tmp/investment-platform-tests/$(printf %s "$PWD" | md5sum | cut -c1-12)"
fi
services_dir=$(realpath -m "$services_dir")
pg_port="${IP_TEST_PG_PORT:-55432}"
mkdir -p "$services_dir" && chmod 755 "$services_dir"

log() { echo "[test-services] $*" >&2; }

apt_install() {
  if [ "$(id -u)" != "0" ]; then
    log "need root to install $*: install them or run as root"; return 1
  fi
  # Another install may hold dpkg's lock (a second checkout running its tests): wait for it rather than fail.
  if [ -z "${_apt_updated:-}" ]; then apt-get update -qq -o DPkg::Lock::Timeout=600 >/dev/null; _apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "$@" >/dev/null
}

if [ "${IP_TEST_USE_TESTCONTAINERS:-}" != "1" ] && ! command -v pg_ctl >/dev/null && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 \
   && docker info >/dev/null 2>&1; then
  log "no local PostgreSQL and a Docker engine is running: using Testcontainers"
  export IP_TEST_USE_TESTCONTAINERS=1
fi

if [ "${IP_TEST_USE_TESTCONTAINERS:-}" != "1" ]; then
  # PostgreSQL: a private cluster on its own port, owned by the postgres user (the server refuses to run as root).
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    log "installing postgresql"; apt_install postgresql
  fi
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_data="$services_dir/pg"
  # From /, since the postgres user may not enter the folder the tests run in (its paths here are all absolute).
  run_pg() { if [ "$(id -u)" = "0" ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
  if ! "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
    if [ ! -f "$pg_data/PG_VERSION" ]; then
      mkdir -p "$pg_data"; [ "$(id -u)" = "0" ] && chown -R postgres:postgres "$pg_data"
      run_pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    [ "$(id -u)" = "0" ] && chown -R postgres:postgres "$pg_data"
    log "starting PostgreSQL on 127.0.0.1:$pg_port"
    # A server that cannot start (its port taken by another program, say) must stop the run here, not pass for ready.
    if ! run_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 \
      -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c shared_buffers=512MB" start >/dev/null; then
      log "PostgreSQL did not start on 127.0.0.1:$pg_port; its log:"; tail -n 20 "$pg_data/server.log" >&2
      return 1 2>/dev/null || exit 1
    fi
  fi
  export IP_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=postgres;Database=postgres"

  # RabbitMQ from Debian, as a private node of its own (name, ports and data folder), like the PostgreSQL cluster:
  # a broker's saved queues and messages from earlier runs can make its start take minutes, so a node that is
  # not running starts from an empty data folder, and the machine's own node (if any) is never touched.
  if ! command -v rabbitmq-server >/dev/null; then
    log "installing rabbitmq-server"; apt_install rabbitmq-server
  fi
  rabbit_port="${IP_TEST_RABBITMQ_PORT:-55672}"
  rabbit_dir="$services_dir/rabbitmq"
  export RABBITMQ_NODENAME="ip-tests-$rabbit_port@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$rabbit_port" \
    RABBITMQ_DIST_PORT="$((rabbit_port + 1))" RABBITMQ_MNESIA_BASE="$rabbit_dir/mnesia" RABBITMQ_LOG_BASE="$rabbit_dir/log" \
    RABBITMQ_PID_FILE="$rabbit_dir/node.pid" RABBITMQ_ENABLED_PLUGINS_FILE="$rabbit_dir/enabled_plugins" \
    RABBITMQ_CONFIG_FILE="$rabbit_dir/rabbitmq" RABBITMQ_CONF_ENV_FILE="$rabbit_dir/rabbitmq-env.conf"
  if ! rabbitmqctl -q status >/dev/null 2>&1; then
    rm -rf "$rabbit_dir"; mkdir -p "$rabbit_dir/log"
    echo "[]." >"$rabbit_dir/enabled_plugins"
    : >"$rabbit_dir/rabbitmq.conf"; : >"$rabbit_dir/rabbitmq-env.conf"
    [ "$(id -u)" = "0" ] && chown -R rabbitmq:rabbitmq "$rabbit_dir"
    log "starting RabbitMQ on 127.0.0.1:$rabbit_port"
    rabbitmq-server -detached >/dev/null 2>&1 || true
  fi
  for _ in $(seq 1 60); do rabbitmqctl -q status >/dev/null 2>&1 && break; sleep 1; done
  if ! rabbitmqctl -q await_startup --timeout 120 >/dev/null 2>&1; then
    log "RabbitMQ did not start; its log:"; tail -n 40 "$rabbit_dir"/log/*.log >&2 2>/dev/null
    return 1 2>/dev/null || exit 1
  fi
  vhost="${IP_TEST_RABBITMQ_VHOST:-ip-tests}"
  # Fresh virtual hosts per run: no queues or bindings left over from an earlier run. The numbered ones are for test
  # processes running at the same time (test.sh runs the integration tests as shards, each on "$vhost-N").
  for v in "$vhost" "$vhost"-{1..2}; do
    rabbitmqctl -q delete_vhost "$v" >/dev/null 2>&1 || true
    rabbitmqctl -q add_vhost "$v" >/dev/null
    rabbitmqctl -q set_permissions -p "$v" guest ".*" ".*" ".*" >/dev/null
  done
  export IP_TEST_RABBITMQ_HOST=127.0.0.1
  export IP_TEST_RABBITMQ_PORT="$rabbit_port"
  export IP_TEST_RABBITMQ_VHOST="$vhost"
  export IP_TEST_RABBITMQ_USER=guest
  export IP_TEST_RABBITMQ_PASSWORD=guest
  log "PostgreSQL and RabbitMQ ready"
fi
