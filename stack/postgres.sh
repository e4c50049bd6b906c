#!/usr/bin/env bash
# Installs and runs the PostgreSQL cluster that holds the hub's query index (hub-query): a private cluster in a
# directory of its own, listening on 127.0.0.1 only, with trust authentication for local connections.
#
#   stack/postgres.sh install   make sure PostgreSQL server binaries are there (apt-get install postgresql when not)
#   stack/postgres.sh bindir    print the directory of the PostgreSQL binaries (newest major version installed)
#   stack/postgres.sh start     initdb the cluster if needed, start it, create the role and database, wait until ready
#   stack/postgres.sh stop      stop the cluster (fast shutdown) and wait until the postmaster is gone
#   stack/postgres.sh status    exit 0 and print the JDBC URL when the cluster accepts connections, exit 3 otherwise
#
# Environment (all optional):
#   PG_NAME          run name, default "default"; the cluster is .tools/postgres-run/$PG_NAME
#   PG_DATA          cluster directory, overrides the one derived from PG_NAME (tests use one under target/)
#   PG_PORT          port on 127.0.0.1, default 5432
#   PG_DATABASE      database created for the hub, default "pharmatrace"
#   PG_USER          role created for the hub (owner of the database), default "hub"
#   PG_OS_USER       when run as root: the system user the server runs as (PostgreSQL refuses root),
#                    default "postgres" when that user exists, else "nobody"
#   PG_FAST          1: fsync, synchronous_commit and full_page_writes off — for throwaway test clusters only
#   PG_START_TIMEOUT seconds to wait for the server, default 60
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

name="${PG_NAME:-default}"
data="${PG_DATA:-$root/.tools/postgres-run/$name}"
port="${PG_PORT:-5432}"
database="${PG_DATABASE:-pharmatrace}"
role="${PG_USER:-hub}"
start_timeout="${PG_START_TIMEOUT:-60}"

die() { echo "postgres.sh: $*" >&2; exit 1; }

bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$dir" ] && [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

install() {
  local dir
  if dir="$(bindir)"; then
    echo "PostgreSQL $("$dir/postgres" --version | awk '{print $3}') already installed at $dir"
    return 0
  fi
  command -v apt-get >/dev/null || die "PostgreSQL is not installed and apt-get is not available: install the PostgreSQL server (initdb, pg_ctl, postgres)"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "PostgreSQL is not installed; installing it needs root (or sudo)"
    sudo="sudo"
  fi
  echo "Installing PostgreSQL with apt-get..."
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q postgresql >/dev/null
  dir="$(bindir)" || die "apt-get installed postgresql but no server binaries were found under /usr/lib/postgresql"
  echo "PostgreSQL $("$dir/postgres" --version | awk '{print $3}') installed at $dir"
}

# PostgreSQL refuses to run as root: as root, the cluster belongs to and runs as an ordinary system user.
os_user() {
  if [ "$(id -u)" -ne 0 ]; then
    id -un
  elif [ -n "${PG_OS_USER:-}" ]; then
    echo "$PG_OS_USER"
  elif id postgres >/dev/null 2>&1; then
    echo postgres
  else
    echo nobody
  fi
}

# as_server_user CMD...: runs CMD as the user the cluster belongs to, from a directory that user can enter.
as_server_user() {
  if [ "$(id -u)" -ne 0 ]; then
    (cd "$data" 2>/dev/null || cd /; "$@")
  elif command -v runuser >/dev/null; then
    (cd /; runuser -u "$(os_user)" -- "$@")
  else
    (cd /; su -s /bin/sh "$(os_user)" -c "$(printf '%q ' "$@")")
  fi
}

server_answers() {
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -U postgres >/dev/null 2>&1
}

postmaster_pid() {
  [ -f "$data/postmaster.pid" ] || return 1
  local pid
  pid="$(head -n 1 "$data/postmaster.pid")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

init_cluster() {
  [ -f "$data/PG_VERSION" ] && return 0
  mkdir -p "$data"
  chmod 700 "$data"
  [ "$(id -u)" -eq 0 ] && chown "$(os_user)" "$data"
  # The bootstrap superuser is "postgres" whatever the system user; only 127.0.0.1 and the cluster's own socket
  # directory are reachable, so trust authentication stays on this machine.
  as_server_user "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 \
    || as_server_user "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C >"$data.initdb.log" 2>&1 \
    || die "initdb failed for $data (see $data.initdb.log)"
  {
    echo "# stack/postgres.sh"
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    echo "unix_socket_directories = '$data'"
    echo "max_connections = 50"
    echo "shared_buffers = 128MB"
    echo "logging_collector = off"
    if [ "${PG_FAST:-0}" = "1" ]; then
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >>"$data/postgresql.conf"
}

start() {
  install >/dev/null
  if postmaster_pid >/dev/null && server_answers; then
    echo "PostgreSQL already running: $(jdbc_url)"
    return 0
  fi
  init_cluster
  # The port may have changed since initdb: the command line wins over postgresql.conf.
  as_server_user "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t "$start_timeout" \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1" start >/dev/null \
    || die "PostgreSQL did not start (log: $data/server.log)"
  local waited=0
  until server_answers; do
    sleep 0.2; waited=$((waited + 1))
    [ "$waited" -ge $((start_timeout * 5)) ] && die "PostgreSQL does not accept connections on 127.0.0.1:$port (log: $data/server.log)"
  done
  psql_admin -tAc "select 1 from pg_roles where rolname = '$role'" | grep -q 1 \
    || psql_admin -qc "create role \"$role\" login"
  psql_admin -tAc "select 1 from pg_database where datname = '$database'" | grep -q 1 \
    || psql_admin -qc "create database \"$database\" owner \"$role\""
  echo "PostgreSQL running: $(jdbc_url) (user $role, log $data/server.log)"
}

psql_admin() {
  "$bin/psql" -X -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"
}

jdbc_url() {
  echo "jdbc:postgresql://127.0.0.1:$port/$database"
}

stop() {
  local pid
  if ! pid="$(postmaster_pid)"; then
    echo "PostgreSQL is not running ($data)"
    return 0
  fi
  as_server_user "$bin/pg_ctl" -D "$data" -m fast -w -t "$start_timeout" stop >/dev/null \
    || die "PostgreSQL (pid $pid) did not stop"
  echo "PostgreSQL stopped ($data)"
}

status() {
  if postmaster_pid >/dev/null && server_answers; then
    jdbc_url
    return 0
  fi
  echo "PostgreSQL is not running ($data)"
  return 3
}

case "${1:-}" in
  install) install ;;
  bindir) bindir || die "PostgreSQL is not installed (stack/postgres.sh install)" ;;
  start) bin="$(bindir)" || { install >/dev/null; bin="$(bindir)"; }; start ;;
  stop) bin="$(bindir)" || die "PostgreSQL is not installed"; stop ;;
  status) bin="$(bindir)" || { echo "PostgreSQL is not installed"; exit 3; }; status ;;
  *) echo "usage: stack/postgres.sh install|bindir|start|stop|status" >&2; exit 2 ;;
esac
