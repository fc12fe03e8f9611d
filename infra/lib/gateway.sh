# HAProxy as the gateway: two processes (gateway-1, gateway-2) that both listen on
# 127.0.0.1:$BRICKS_GATEWAY_PORT (HAProxy binds with SO_REUSEPORT, so the kernel spreads new
# connections over both and sends them all to the survivor when one dies); each has its own
# statistics port (BRICKS_GATEWAY_STATS_PORTS), admin socket and saved server states. Their
# configuration is generated into var/haproxy/NAME.cfg from infra/haproxy/*.tmpl and the replicas
# in rotation (see apps.sh). Each runs in master-worker mode; a reload (SIGUSR2 to the master)
# starts a new worker that takes over the listening sockets while the old workers finish their
# connections, so a reload never drops a request. Sourced by ./bricks.

HAPROXY_DIR="$VAR_DIR/haproxy"
HAPROXY_TEMPLATES="$BRICKS_ROOT/infra/haproxy"
GATEWAY_BRICKS="catalog cart customer order"

gateway_names() { echo gateway-1 gateway-2; }
gateway_port() { echo "$BRICKS_GATEWAY_PORT"; }
gateway_stats_port() { nth "$BRICKS_GATEWAY_STATS_PORTS" "$(instance_index "$1")"; }
gateway_cfg() { echo "$HAPROXY_DIR/$1.cfg"; }
gateway_url() { echo "http://127.0.0.1:$BRICKS_GATEWAY_PORT"; }
gateway_stats_url() { echo "http://127.0.0.1:$(gateway_stats_port "${1:-gateway-1}")/"; }
gateway_role() { echo -; }
# gateway_any: one live gateway (the role 'gateway' of the fault commands).
gateway_any() { local n; for n in $(gateway_names); do is_running "$n" && { echo "$n"; return 0; }; done; return 1; }

# gateway_trace_sample_per_10000: BRICKS_TRACES_SAMPLING (0..1) as requests in 10,000.
gateway_trace_sample_per_10000() {
  awk -v r="$BRICKS_TRACES_SAMPLING" 'BEGIN {
    if (r !~ /^([0-9]+([.][0-9]*)?|[.][0-9]+)$/ || r + 0 > 1) exit 1
    printf "%d\n", r * 10000 + 0.5 }' \
    || die "BRICKS_TRACES_SAMPLING must be a number from 0 to 1, not '$BRICKS_TRACES_SAMPLING'"
}

# gateway_render NAME FILE: writes the configuration for the replicas in rotation now.
gateway_render() {
  local gw=$1 out=$2 brick name port backup sample
  sample=$(gateway_trace_sample_per_10000) || exit 1
  mkdir -p "$HAPROXY_DIR"
  sed -e "s|@HAPROXY_DIR@|$HAPROXY_DIR|g" \
      -e "s|@NAME@|$gw|g" \
      -e "s|@ERRORS_DIR@|$HAPROXY_TEMPLATES/errors|g" \
      -e "s|@GATEWAY_PORT@|$BRICKS_GATEWAY_PORT|g" \
      -e "s|@STATS_PORT@|$(gateway_stats_port "$gw")|g" \
      -e "s|@TRACE_SAMPLE_PER_10000@|$sample|g" \
      "$HAPROXY_TEMPLATES/haproxy.cfg.tmpl" > "$out"
  for brick in $GATEWAY_BRICKS; do
    sed -e "s|@BRICK@|$brick|g" "$HAPROXY_TEMPLATES/backend.tmpl" >> "$out"
    # a brick in dev mode (dev.sh) is served beside its replicas, or alone with them as backups
    backup=""; dev_only "$brick" && backup=" backup"
    if dev_serving "$brick"; then
      # a request that meets a live reload may get a 500 from Quarkus' dev mode: GETs try again
      echo "    retry-on conn-failure empty-response response-timeout 500" >> "$out"
      echo "    server $(dev_name "$brick") 127.0.0.1:$(dev_port "$brick") check" >> "$out"
    fi
    while read -r name port; do
      [ -n "$name" ] && echo "    server $name 127.0.0.1:$port check$backup" >> "$out"
    done < <(app_in_rotation "$brick")
  done
}

# gateway_write_config NAME: renders, validates and installs var/haproxy/NAME.cfg.
gateway_write_config() {
  local cfg new; cfg=$(gateway_cfg "$1"); new="$cfg.new"
  gateway_render "$1" "$new"
  if ! haproxy -c -q -f "$new" >"$LOG_DIR/gateway-check.log" 2>&1; then
    die "the generated gateway configuration $new is invalid; see $LOG_DIR/gateway-check.log"
  fi
  mv "$new" "$cfg"
}

gateway_ready() {
  [ "$(http_status "$(gateway_stats_url "$1")")" = 200 ] && port_in_use "$BRICKS_GATEWAY_PORT"
}

gateway_start() {
  local name=$1
  is_running "$name" && return 0
  need_cmd haproxy haproxy
  need_cmd socat socat
  need_cmd ps procps
  need_cmd curl curl
  # the other gateway may hold the port already: both listen on it
  [ -n "$(gateway_any)" ] || require_free_port "$BRICKS_GATEWAY_PORT" "the gateway"
  require_free_port "$(gateway_stats_port "$name")" "the statistics page of $name"
  rm -f "$HAPROXY_DIR/$name.sock"
  gateway_write_config "$name"
  : > "$HAPROXY_DIR/$name.state"   # a fresh start: no saved health states
  start_bg "$name" haproxy -W -db -f "$(gateway_cfg "$name")"
  wait_started "$name" 15 "$name (haproxy)" gateway_ready "$name"
  say "$name ready on $(gateway_url)"
}

gateway_stop() { stop_bg "$1" 10; }
gateway_kill() { kill_bg "$1"; }
gateway_up() { local n; for n in $(gateway_names); do gateway_start "$n"; done; }
gateway_down() { local n; for n in $(gateway_names); do gateway_stop "$n"; done; }

# The worker processes of a running master.
gateway_workers() {
  local master; master=$(read_pid "$1")
  pid_alive "$master" || return 0
  ps -o pid= --ppid "$master" 2>/dev/null | tr -d ' '
}

# gateway_reload [--drain]: installs a configuration for the replicas in rotation now in every
# running gateway and reloads them gracefully. With --drain it returns only when the old workers
# of both have finished their connections (waited for together), so a replica taken out of
# rotation receives no more requests afterwards. A gateway that is not running is skipped (its
# next start renders the configuration).
GATEWAY_OLD_WORKERS=""
gateway_reload() {
  local n
  # the replicas in rotation changed: Prometheus scrapes what runs now
  prometheus_targets_refresh
  GATEWAY_OLD_WORKERS=""
  for n in $(gateway_names); do
    is_running "$n" && _gateway_reload_one "$n"
  done
  [ "${1:-}" = --drain ] || return 0
  _gateway_await_old_workers
}

_gateway_reload_one() {
  local gw=$1 master old new pid i sock
  master=$(read_pid "$gw")
  gateway_write_config "$gw"
  sock="$HAPROXY_DIR/$gw.sock"
  # keep each server's health state (a replica that is DOWN stays DOWN in the new worker)
  if [ -S "$sock" ]; then
    echo "show servers state" | socat -t 2 stdio "unix-connect:$sock" \
      > "$HAPROXY_DIR/$gw.state.new" 2>/dev/null \
      && mv "$HAPROXY_DIR/$gw.state.new" "$HAPROXY_DIR/$gw.state"
  fi
  old=$(gateway_workers "$gw" | tr '\n' ' ')
  kill -USR2 "$master" || die "could not reload $gw (pid $master)"
  # wait for the new worker
  for ((i = 0; i < 100; i++)); do
    new=""
    for pid in $(gateway_workers "$gw"); do
      case " $old " in *" $pid "*) ;; *) new=$pid ;; esac
    done
    [ -n "$new" ] && break
    pid_alive "$master" || die "$gw died during a reload; see $(log_file "$gw")"
    sleep 0.1
  done
  [ -n "$new" ] || die "$gw did not start a new worker within 10s; see $(log_file "$gw")"
  wait_until 10 "the reloaded $gw" gateway_ready "$gw"
  for pid in $old; do GATEWAY_OLD_WORKERS="$GATEWAY_OLD_WORKERS $master:$pid"; done
}

# the old workers stop accepting and exit once their connections are done (hard-stop-after 30s)
_gateway_await_old_workers() {
  local i entry left
  for ((i = 0; i < 350; i++)); do
    left=""
    for entry in $GATEWAY_OLD_WORKERS; do
      pid_alive "${entry#*:}" && [ "$(ps -o ppid= -p "${entry#*:}" | tr -d ' ')" = "${entry%%:*}" ] \
        && left="$left ${entry#*:}"
    done
    [ -z "$left" ] && return 0
    sleep 0.1
  done
  warn "old gateway workers ($left) still busy after 35s"
}
