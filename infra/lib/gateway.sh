# HAProxy as the gateway on 127.0.0.1:$BRICKS_GATEWAY_PORT (stats on :$BRICKS_GATEWAY_STATS_PORT).
# Its configuration is generated into var/haproxy/ from infra/haproxy/*.tmpl and the replicas
# that are in rotation (see apps.sh). HAProxy runs in master-worker mode; a reload
# (SIGUSR2 to the master) starts a new worker that takes over the listening sockets while the
# old workers finish their connections, so a reload never drops a request. Sourced by ./bricks.

HAPROXY_DIR="$VAR_DIR/haproxy"
HAPROXY_CFG="$HAPROXY_DIR/haproxy.cfg"
HAPROXY_TEMPLATES="$BRICKS_ROOT/infra/haproxy"
GATEWAY_BRICKS="catalog cart customer order"

gateway_url() { echo "http://127.0.0.1:$BRICKS_GATEWAY_PORT"; }
gateway_stats_url() { echo "http://127.0.0.1:$BRICKS_GATEWAY_STATS_PORT/"; }

# gateway_render FILE: writes the configuration for the replicas in rotation now.
gateway_render() {
  local out=$1 brick name port
  mkdir -p "$HAPROXY_DIR"
  sed -e "s|@HAPROXY_DIR@|$HAPROXY_DIR|g" \
      -e "s|@ERRORS_DIR@|$HAPROXY_TEMPLATES/errors|g" \
      -e "s|@GATEWAY_PORT@|$BRICKS_GATEWAY_PORT|g" \
      -e "s|@STATS_PORT@|$BRICKS_GATEWAY_STATS_PORT|g" \
      "$HAPROXY_TEMPLATES/haproxy.cfg.tmpl" > "$out"
  for brick in $GATEWAY_BRICKS; do
    sed -e "s|@BRICK@|$brick|g" "$HAPROXY_TEMPLATES/backend.tmpl" >> "$out"
    while read -r name port; do
      [ -n "$name" ] && echo "    server $name 127.0.0.1:$port check" >> "$out"
    done < <(app_in_rotation "$brick")
  done
}

# gateway_write_config: renders, validates and installs var/haproxy/haproxy.cfg.
gateway_write_config() {
  local new="$HAPROXY_CFG.new"
  gateway_render "$new"
  if ! haproxy -c -q -f "$new" >"$LOG_DIR/gateway-check.log" 2>&1; then
    die "the generated gateway configuration $new is invalid; see $LOG_DIR/gateway-check.log"
  fi
  mv "$new" "$HAPROXY_CFG"
}

gateway_ready() {
  [ "$(http_status "$(gateway_stats_url)")" = 200 ] && port_in_use "$BRICKS_GATEWAY_PORT"
}

gateway_start() {
  is_running gateway && return 0
  need_cmd haproxy haproxy
  need_cmd socat socat
  need_cmd ps procps
  need_cmd curl curl
  require_free_port "$BRICKS_GATEWAY_PORT" "the gateway"
  require_free_port "$BRICKS_GATEWAY_STATS_PORT" "the gateway statistics page"
  rm -f "$HAPROXY_DIR/admin.sock"
  gateway_write_config
  : > "$HAPROXY_DIR/server-state"   # a fresh start: no saved health states
  start_bg gateway haproxy -W -db -f "$HAPROXY_CFG"
  wait_started gateway 15 "the gateway (haproxy)" gateway_ready
  say "gateway ready on $(gateway_url)"
}

gateway_stop() { stop_bg gateway 10; }
gateway_kill() { kill_bg gateway; }

# The worker processes of the running master.
gateway_workers() {
  local master; master=$(read_pid gateway)
  pid_alive "$master" || return 0
  ps -o pid= --ppid "$master" 2>/dev/null | tr -d ' '
}

# gateway_reload [--drain]: installs a configuration for the replicas in rotation now and reloads
# HAProxy gracefully. With --drain it returns only when the old workers have finished their
# connections, so a replica taken out of rotation receives no more requests afterwards.
# Without a running gateway it does nothing (the next start renders the configuration).
gateway_reload() {
  local drain=${1:-} master old new pid i left
  master=$(read_pid gateway)
  pid_alive "$master" || return 0
  gateway_write_config
  # keep each server's health state (a replica that is DOWN stays DOWN in the new worker)
  if [ -S "$HAPROXY_DIR/admin.sock" ]; then
    echo "show servers state" | socat -t 2 stdio "unix-connect:$HAPROXY_DIR/admin.sock" \
      > "$HAPROXY_DIR/server-state.new" 2>/dev/null \
      && mv "$HAPROXY_DIR/server-state.new" "$HAPROXY_DIR/server-state"
  fi
  old=$(gateway_workers | tr '\n' ' ')
  kill -USR2 "$master" || die "could not reload the gateway (pid $master)"
  # wait for the new worker
  for ((i = 0; i < 100; i++)); do
    new=""
    for pid in $(gateway_workers); do
      case " $old " in *" $pid "*) ;; *) new=$pid ;; esac
    done
    [ -n "$new" ] && break
    pid_alive "$master" || die "the gateway died during a reload; see $(log_file gateway)"
    sleep 0.1
  done
  [ -n "$new" ] || die "the gateway did not start a new worker within 10s; see $(log_file gateway)"
  wait_until 10 "the reloaded gateway" gateway_ready
  [ "$drain" = --drain ] || return 0
  # the old workers stop accepting and exit once their connections are done (hard-stop-after 30s)
  for ((i = 0; i < 350; i++)); do
    left=""
    for pid in $old; do pid_alive "$pid" && [ "$(ps -o ppid= -p "$pid" | tr -d ' ')" = "$master" ] && left="$left $pid"; done
    [ -z "$left" ] && return 0
    sleep 0.1
  done
  warn "old gateway workers ($left) still busy after 35s"
}
