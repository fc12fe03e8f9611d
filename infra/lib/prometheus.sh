# Prometheus (one instance, prometheus-1): scrapes every brick replica's /q/metrics, both
# gateways' /metrics (statistics ports) and Patroni's /metrics (REST ports) every 5 s, and
# evaluates the rules of infra/prometheus/rules (the same files Kubernetes gets). Its
# configuration is generated into var/prometheus/ from infra/prometheus/prometheus.yml.tmpl; the
# targets are file_sd files that prometheus_targets_refresh rewrites (Prometheus re-reads them on
# its own), so a changed replica list needs no restart or reload. Monitoring is not on any
# request's path: one instance is no single point of failure of the shop. Sourced by ./bricks
# (through servers.sh); the server verbs are described in servers.sh.

: "${BRICKS_PROMETHEUS_PORT:=9090}"
export BRICKS_PROMETHEUS_PORT
PROMETHEUS_DIR="$VAR_DIR/prometheus"
PROMETHEUS_TEMPLATES="$BRICKS_ROOT/infra/prometheus"

prometheus_names() { echo prometheus-1; }
prometheus_port() { echo "$BRICKS_PROMETHEUS_PORT"; }
prometheus_url() { echo "http://127.0.0.1:$BRICKS_PROMETHEUS_PORT"; }
prometheus_role() { echo -; }
prometheus_ready() { [ "$(http_status "$(prometheus_url)/-/ready")" = 200 ]; }

# _prometheus_write_targets FILE ENTRIES: a file_sd list of the JSON groups ENTRIES.
_prometheus_write_targets() {
  local file=$1 entries=$2 tmp
  mkdir -p "$PROMETHEUS_DIR/targets"
  # replicas stop in parallel, each rewriting the targets: every writer has its own file
  tmp=$(mktemp "$file.XXXXXX")
  printf '[%s]\n' "$entries" > "$tmp"
  mv "$tmp" "$file"   # atomic: Prometheus never reads half a file
}

_prometheus_target() { printf '{"targets":["127.0.0.1:%s"],"labels":{%s}}' "$1" "$2"; }

# prometheus_targets_refresh: rewrites the targets from what runs now: every replica with a port
# file in var/run (a killed replica keeps its file, so it shows as up == 0 until it is removed),
# the gateways' statistics ports and the Patroni REST ports. Call it after the replicas change.
prometheus_targets_refresh() {
  local f name brick entries="" dir="$PROMETHEUS_DIR/targets" port gw i=0
  for f in "$RUN_DIR"/*-*.port; do
    name=${f##*/}; name=${name%.port}; brick=${name%-*}
    app_valid_brick "$brick" || continue
    # replicas stop in parallel, each refreshing the targets: a port file may go between glob and read
    port=$(cat "$f" 2>/dev/null) && [ -n "$port" ] || continue
    entries+="${entries:+,}$(_prometheus_target "$port" "\"brick\":\"$brick\",\"replica\":\"$name\"")"
  done
  _prometheus_write_targets "$dir/bricks.json" "$entries"
  entries=""
  for port in $BRICKS_GATEWAY_STATS_PORTS; do
    i=$((i + 1)); gw="gateway-$i"
    entries+="${entries:+,}$(_prometheus_target "$port" "\"replica\":\"$gw\"")"
  done
  _prometheus_write_targets "$dir/gateway.json" "$entries"
  entries="" i=0
  for port in $BRICKS_PATRONI_PORTS; do
    i=$((i + 1))
    entries+="${entries:+,}$(_prometheus_target "$port" "\"replica\":\"pg$i\"")"
  done
  _prometheus_write_targets "$dir/patroni.json" "$entries"
}

prometheus_write_config() {
  local cfg="$PROMETHEUS_DIR/prometheus.yml"
  mkdir -p "$PROMETHEUS_DIR/targets"
  sed -e "s|@RULES_DIR@|$PROMETHEUS_TEMPLATES/rules|g" \
      -e "s|@TARGETS_DIR@|$PROMETHEUS_DIR/targets|g" \
      -e "s|@PORT@|$BRICKS_PROMETHEUS_PORT|g" \
      "$PROMETHEUS_TEMPLATES/prometheus.yml.tmpl" > "$cfg.new"
  if ! promtool check config "$cfg.new" >"$LOG_DIR/prometheus-check.log" 2>&1; then
    die "the generated Prometheus configuration $cfg.new is invalid; see $LOG_DIR/prometheus-check.log"
  fi
  mv "$cfg.new" "$cfg"
}

prometheus_start() {
  local name=$1
  is_running "$name" && return 0
  need_cmd prometheus prometheus
  need_cmd promtool prometheus
  require_free_port "$BRICKS_PROMETHEUS_PORT" "$name"
  prometheus_write_config
  prometheus_targets_refresh
  mkdir -p "$DATA_DIR/$name"
  start_bg "$name" prometheus --config.file="$PROMETHEUS_DIR/prometheus.yml" \
    --storage.tsdb.path="$DATA_DIR/$name" --storage.tsdb.retention.time=2d \
    --web.listen-address="127.0.0.1:$BRICKS_PROMETHEUS_PORT" --web.external-url="$(prometheus_url)"
  wait_started "$name" 30 "$name" prometheus_ready "$name"
  say "$name ready on $(prometheus_url)"
}

prometheus_stop() { stop_bg "$1" 15; }
prometheus_kill() { kill_bg "$1"; }
prometheus_up() { local n; for n in $(prometheus_names); do prometheus_start "$n"; done; }
prometheus_down() { local n; for n in $(prometheus_names); do prometheus_stop "$n"; done; }

# prometheus_graph_url EXPR...: a graph page of the last 30 minutes, one panel per expression.
prometheus_graph_url() {
  local url i=0 expr
  url="$(prometheus_url)/graph?"
  for expr in "$@"; do
    url+="g$i.expr=$(jq -rn --arg e "$expr" '$e|@uri')&g$i.tab=0&g$i.range_input=30m&"
    i=$((i + 1))
  done
  echo "${url%&}"
}

# prometheus_links: where to see the shop work, for `up`: the alerts and one graph page per
# brick (requests, errors, p99 and its own business figure, from the recorded series).
prometheus_links() {
  is_running prometheus-1 || return 0
  local b business
  echo "  Prometheus:  $(prometheus_url)   (alerts: $(prometheus_url)/alerts; rules: infra/prometheus/rules)"
  for b in $APP_BRICKS; do
    case $b in
      catalog) business='bricks:catalog_cache_hit:ratio_rate5m' ;;
      cart) business='bricks:cart_checkouts:rate1m' ;;
      customer) business='bricks:signin_throttled:rate5m' ;;
      order) business='bricks:orders_oldest_unstored_age_seconds' ;;
    esac
    printf '    %-10s %s\n' "$b" "$(prometheus_graph_url "bricks:http_requests:rate1m{brick=\"$b\"}" \
      "bricks:http_errors:ratio_rate1m{brick=\"$b\"}" "bricks:http_latency_seconds:p99_rate5m{brick=\"$b\"}" \
      "$business")"
  done
}
