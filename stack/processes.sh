# Shared by the stack scripts (sourced, not run): stopping a service process and waiting until it is gone.

# terminate PID GRACE_SECONDS: SIGTERM, so the service can shut down cleanly, then SIGKILL after the grace period.
# Returns non-zero when the process is still there afterwards.
terminate() {
  local pid="$1" grace_tenths=$(( $2 * 10 ))
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 "$grace_tenths"); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  ! kill -0 "$pid" 2>/dev/null
}
