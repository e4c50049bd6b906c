#!/usr/bin/env bash
# Installs and runs the pinned Kubo (IPFS) daemon the hub stores its encrypted attachments in.
# The daemon is private to this machine: API and gateway on 127.0.0.1 only, swarm on loopback,
# no bootstrap peers, no MDNS, no AutoConf, no telemetry — nothing leaves the host.
#
#   stack/kubo.sh install   build Kubo $KUBO_VERSION into .tools/kubo/bin/ipfs (idempotent)
#   stack/kubo.sh start     init the repo if needed, start the daemon, wait until its API answers
#   stack/kubo.sh stop      stop the daemon and wait until its process is gone
#   stack/kubo.sh status    exit 0 and print the API address when the daemon answers, exit 3 otherwise
#
# Environment (all optional):
#   KUBO_NAME          run name, default "default"; the repo is .tools/kubo-run/$KUBO_NAME
#   IPFS_PATH          repo directory, overrides the one derived from KUBO_NAME
#   KUBO_API_PORT      API port on 127.0.0.1, default 5001
#   KUBO_GATEWAY_PORT  gateway port on 127.0.0.1, default 0 (any free port)
#   KUBO_START_TIMEOUT seconds to wait for the API, default 60
#   KUBO_VERSION       default v0.39.0;  KUBO_GO_TOOLCHAIN  default go1.25.4
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/stack/processes.sh"

version="${KUBO_VERSION:-v0.39.0}"
# Kubo v0.39.0 does not compile with Go 1.26 (cockroachdb/swiss), so the build asks Go for the 1.25 toolchain.
toolchain="${KUBO_GO_TOOLCHAIN:-go1.25.4}"
tools="$root/.tools/kubo"
bin="$tools/bin/ipfs"
name="${KUBO_NAME:-default}"
export IPFS_PATH="${IPFS_PATH:-$root/.tools/kubo-run/$name}"
api_port="${KUBO_API_PORT:-5001}"
gateway_port="${KUBO_GATEWAY_PORT:-0}"
start_timeout="${KUBO_START_TIMEOUT:-60}"
pid_file="$IPFS_PATH/daemon.pid"
log_file="$IPFS_PATH/daemon.log"

die() { echo "kubo.sh: $*" >&2; exit 1; }

installed_version() { [ -x "$bin" ] && "$bin" version --number 2>/dev/null || true; }

install() {
  if [ "$(installed_version)" = "${version#v}" ]; then
    echo "Kubo $version already installed at $bin"
    return 0
  fi
  command -v go >/dev/null || die "Go is required: Kubo is built from source"
  mkdir -p "$tools/bin"
  # Two test runs may install at once; the second waits for the first and then finds the binary.
  exec 9>"$tools/.install.lock"
  flock 9
  if [ "$(installed_version)" = "${version#v}" ]; then
    echo "Kubo $version already installed at $bin"
    return 0
  fi
  echo "Building Kubo $version into $bin with $toolchain — the first build takes several minutes..."
  # `go install ...@version` is refused: the module proxy here does not serve @v/list, which go install
  # reads for its deprecation check. Downloading the exact version and building in place needs no list.
  local dir
  dir="$(GOFLAGS=-mod=mod go mod download -json "github.com/ipfs/kubo@$version" \
        | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  [ -n "$dir" ] && [ -d "$dir" ] || die "go mod download did not give a source directory for github.com/ipfs/kubo@$version"
  (cd "$dir" && GOTOOLCHAIN="$toolchain" GOFLAGS=-buildvcs=false go build -o "$bin.partial" ./cmd/ipfs) \
    || die "cannot build Kubo $version from $dir"
  mv -f "$bin.partial" "$bin"
  echo "Kubo $("$bin" version --number) installed at $bin"
}

daemon_pid() {
  [ -f "$pid_file" ] || return 1
  local pid
  pid="$(cat "$pid_file")"
  # A stale pid file may name a pid the system has since given to another program.
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "ipfs daemon" \
    && echo "$pid"
}

api_answers() {
  curl -fsS -m 2 -X POST "http://127.0.0.1:$api_port/api/v0/version" >/dev/null 2>&1
}

init_repo() {
  [ -f "$IPFS_PATH/config" ] && return 0
  mkdir -p "$IPFS_PATH"
  "$bin" init --profile test >"$IPFS_PATH/init.log" 2>&1 || { cat "$IPFS_PATH/init.log" >&2; die "ipfs init failed"; }
}

configure() {
  # Applied on every start so a changed port takes effect on an existing repo.
  "$bin" config Addresses.API "/ip4/127.0.0.1/tcp/$api_port"
  "$bin" config Addresses.Gateway "/ip4/127.0.0.1/tcp/$gateway_port"
  "$bin" config --json Addresses.Swarm '["/ip4/127.0.0.1/tcp/0"]'
  "$bin" config --json Addresses.Announce '[]'
  "$bin" config --json Bootstrap '[]'
  "$bin" config --json Discovery.MDNS.Enabled false
  # Kubo 0.39 otherwise posts usage telemetry to telemetry.ipshipyard.dev 15 minutes after start.
  "$bin" config Plugins.Plugins.telemetry.Config.Mode off
}

start() {
  [ -x "$bin" ] || die "Kubo is not installed: run '$0 install' first"
  if pid="$(daemon_pid)"; then
    api_answers || die "a daemon (pid $pid) runs for $IPFS_PATH but its API does not answer on 127.0.0.1:$api_port"
    echo "Kubo already running (pid $pid), API http://127.0.0.1:$api_port"
    return 0
  fi
  api_answers && die "port $api_port already answers as a Kubo API that is not this repo's daemon ($IPFS_PATH)"
  init_repo
  configure
  rm -f "$IPFS_PATH/api" "$IPFS_PATH/repo.lock"
  # setsid: the daemon outlives this script and the JVM thread that called it, and is stopped only by `stop`.
  IPFS_TELEMETRY=off setsid "$bin" daemon --migrate=false --enable-gc=false >"$log_file" 2>&1 </dev/null &
  echo $! >"$pid_file"
  local waited=0
  until api_answers; do
    if ! daemon_pid >/dev/null; then
      tail -n 30 "$log_file" >&2
      rm -f "$pid_file"
      die "the daemon exited during start (log: $log_file)"
    fi
    [ "$waited" -ge $((start_timeout * 10)) ] && { stop_daemon; die "API did not answer within ${start_timeout}s (log: $log_file)"; }
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "Kubo started (pid $(cat "$pid_file")), API http://127.0.0.1:$api_port, repo $IPFS_PATH"
}

stop_daemon() {
  local pid
  pid="$(daemon_pid)" || { rm -f "$pid_file"; echo "Kubo is not running ($IPFS_PATH)"; return 0; }
  # Kubo flushes its datastore on SIGTERM; give it time, then insist.
  terminate "$pid" 15 || die "the daemon (pid $pid) did not stop"
  rm -f "$pid_file"
  echo "Kubo stopped ($IPFS_PATH)"
}

status() {
  if pid="$(daemon_pid)" && api_answers; then
    echo "Kubo running (pid $pid), API http://127.0.0.1:$api_port, repo $IPFS_PATH"
  else
    echo "Kubo not running ($IPFS_PATH, API port $api_port)"
    exit 3
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop_daemon ;;
  status) status ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
