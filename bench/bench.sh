# ./bricks bench [--quick]: measures every brick against the raw speed of what it stands on, in one
# run, and writes bench/results/DATE.md + .json (quick: var/bench/results/, nothing in the repo).
# All traffic goes to 127.0.0.1 and every load is bounded in time. Each figure is the median of
# BENCH_RUNS runs (3; quick 1) and every ratio compares figures taken in the same run, interleaved.
# Sourced by ./bricks after the other components; the tools live in bench/ (see BENCHMARKS.md).

BENCH_SRC="$BRICKS_ROOT/bench"
: "${BRICKS_BENCH_BASELINE_PORT:=$((BRICKS_CATALOG_BASE_PORT + 99))}"
: "${BRICKS_BENCH_BARE_PORT:=$((BRICKS_CATALOG_BASE_PORT + 98))}"
: "${BRICKS_BENCH_CONNECTIONS:=64}"
BENCH_SKU_PREFIXES="KIT GAR OUT ELE BOO TOY HOM SPO BEA OFF"
BENCH_CATEGORIES="Kitchen Garden Outdoor Electronics Books Toys Home Sports Beauty Office"

bench_log() { echo "bench: $*" >&2; }

# --- results: one JSON document built with jq ----------------------------------------------------

# bench_set JQ_PATH JSON_VALUE: sets a value of the result document.
bench_set() {
  local tmp="$BENCH_WORK/results.json.tmp"
  jq --argjson v "$2" "$1 = \$v" "$BENCH_WORK/results.json" > "$tmp" && mv "$tmp" "$BENCH_WORK/results.json"
}
bench_get() { jq -r "$1" "$BENCH_WORK/results.json"; }

# bench_median FILE FIELD...: {"runs": N, "field": median, ...} over the JSON lines of FILE.
bench_median() {
  local file=$1; shift
  local fields; fields=$(printf '"%s",' "$@"); fields="[${fields%,}]"
  jq -s --argjson f "$fields" '. as $rows | reduce $f[] as $k ({runs: ($rows | length)};
    .[$k] = ([$rows[] | .[$k] | select(. != null)] | sort | if length == 0 then null else .[length / 2 | floor] end))' "$file"
}

# bench_ratio A B: A / B with 3 decimals ("null" when B is 0 or missing).
bench_ratio() { jq -n --argjson a "${1:-null}" --argjson b "${2:-null}" 'if ($a == null or $b == null or $b == 0) then null else ($a / $b * 1000 | round / 1000) end'; }

# --- load tools ----------------------------------------------------------------------------------

# bench_wrk URL_BASE PATHS_FILE SECONDS [METHOD BODY]: one wrk run, prints its JSON line.
bench_wrk() {
  local base=$1 paths=$2 secs=$3 out
  out=$(BENCH_PATHS=$paths BENCH_METHOD=${4:-GET} BENCH_BODY=${5:-} \
    timeout $((secs + 30)) wrk -t2 -c"$BRICKS_BENCH_CONNECTIONS" -d"${secs}s" --timeout 5s \
      -s "$BENCH_SRC/wrk/paths.lua" "$base" 2>&1) || { bench_log "wrk failed: $out"; return 1; }
  printf '%s\n' "$out" | sed -n 's/^BENCH_JSON //p'
}

# bench_redis_change: the cart's change without the cart (bench/probes/RedisChange.java) for
# BENCH_SECS on the same Redis and connections as redis-benchmark; prints its JSON line.
bench_redis_change() {
  local port; port=$(redis_primary_port) || return 1
  timeout $((BENCH_SECS + 60)) java -Xmx256m "$BENCH_SRC/probes/RedisChange.java" 127.0.0.1 "$port" \
    "$BRICKS_ROOT/cart-service/src/main/resources/lua" "$BRICKS_BENCH_CONNECTIONS" "$BENCH_SECS"
}

# bench_redis_hset: one redis-benchmark HSET run on the shop's Redis (database 9, deleted after).
bench_redis_hset() {
  local n=$1 csv
  local port; port=$(redis_primary_port) || return 1
  csv=$(timeout 120 redis-benchmark -h 127.0.0.1 -p "$port" --dbnum 9 \
    -c "$BRICKS_BENCH_CONNECTIONS" -n "$n" -r 100000 -t hset --csv 2>/dev/null) || return 1
  redis-cli -h 127.0.0.1 -p "$port" -n 9 del myhash >/dev/null 2>&1 || true
  # "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
  printf '%s\n' "$csv" | tr -d '"' | awk -F, '$1 == "HSET" {
    printf "{\"requests\":%d,\"rps\":%s,\"p50_ms\":%s,\"p99_ms\":%s,\"max_ms\":%s}\n", '"$n"', $2, $5, $7, $8 }'
}

# --- tools of bench/ -------------------------------------------------------------------------------

# bench_build NAME: packages bench/NAME when its jar is missing or older than its sources.
bench_build() {
  local dir="$BENCH_SRC/$1" jar
  jar=$(ls "$dir"/target/bench-*.jar 2>/dev/null | sed -n 1p || true) # empty before the first build
  if [ -n "$jar" ] && [ -d "$dir/target/libs" ] \
      && [ -z "$(find "$dir/src" "$dir/pom.xml" -newer "$jar" -print -quit)" ]; then
    return 0
  fi
  bench_log "building bench/$1 (log: $LOG_DIR/bench-build-$1.log)"
  "$BRICKS_ROOT/mvnw" -B -q -f "$dir/pom.xml" package >"$LOG_DIR/bench-build-$1.log" 2>&1 \
    || { tail -n 30 "$LOG_DIR/bench-build-$1.log" >&2; die "the build of bench/$1 failed"; }
}
bench_cp() { echo "$(ls "$BENCH_SRC/$1"/target/bench-*.jar | sed -n 1p):$BENCH_SRC/$1/target/libs/*"; }

bench_probe() { timeout 900 java -Xmx256m -XX:+UseSerialGC "$BENCH_SRC/probes/Probe.java" "$@"; }
bench_drain_tool() {
  timeout 300 java -Xmx256m -cp "$(bench_cp drain)" dev.bricks.bench.drain.DrainBaselines "$@" 2>/dev/null
}

bench_baseline_start() {
  is_running bench-baseline && return 0
  require_free_port "$BRICKS_BENCH_BASELINE_PORT" "the benchmark baseline"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list: the same heap as the bricks
  start_bg bench-baseline java $JAVA_OPTS -cp "$(bench_cp baseline)" dev.bricks.bench.baseline.BaselineServer \
    "$BRICKS_BENCH_BASELINE_PORT" "$BENCH_WORK/bodies/index.tsv"
  wait_started bench-baseline 60 "the benchmark baseline" http_ok "http://127.0.0.1:$BRICKS_BENCH_BASELINE_PORT/ready"
}

# --- the machine -----------------------------------------------------------------------------------

bench_machine() {
  local cpu mem jdk
  cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n1)
  mem=$(free -g | awk '/^Mem:/ { print $2 " GiB" }')
  jdk=$(java -version 2>&1 | sed -n 2p)
  jq -n --arg cpu "$cpu" --arg mem "$mem" --arg jdk "$jdk" --arg os "$(. /etc/os-release; echo "$PRETTY_NAME")" \
    --argjson nproc "$(nproc)" --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" --arg opts "$JAVA_OPTS" \
    '{nproc: $nproc, cpu: $cpu, memory: $mem, jdk: $jdk, os: $os, loadAverageAtStart: $load, brickJavaOpts: $opts}'
}

# --- the cluster ----------------------------------------------------------------------------------

BENCH_STARTED_INFRA=""
BENCH_STARTED_APPS=()
BENCH_CATALOG_BEFORE=""
BENCH_ORDER_BEFORE=""

bench_cleanup() {
  local rc=$? name b
  trap - EXIT INT TERM
  stop_bg bench-baseline 10
  stop_bg bench-bare 10
  # the extra replicas: every brick's 9 (start-up), catalog-8 (join), catalog and cart 7..9 (tracing)
  for name in catalog-7 catalog-8 cart-7 cart-8 $(for b in $APP_BRICKS; do echo "$b-9"; done); do
    if is_running "$name" || [ -f "$RUN_DIR/$name.pid" ]; then app_stop_replica "$name"; fi
  done
  # back to the replica counts found at the start
  if [ -n "$BENCH_CATALOG_BEFORE" ] && [ "$BENCH_CATALOG_BEFORE" -gt 0 ]; then
    app_scale catalog "$BENCH_CATALOG_BEFORE" >/dev/null 2>&1 || true
  fi
  if [ -n "$BENCH_ORDER_BEFORE" ] && [ "$BENCH_ORDER_BEFORE" -gt 0 ]; then
    app_scale order "$BENCH_ORDER_BEFORE" >/dev/null 2>&1 || true
  fi
  for b in "${BENCH_STARTED_APPS[@]}"; do
    bench_log "stopping $b (started by the benchmark)"
    app_scale "$b" 0 >/dev/null 2>&1 || true
  done
  bench_join_cleanup
  if [ -n "$BENCH_STARTED_INFRA" ]; then
    bench_log "stopping the servers (started by the benchmark)"
    infra_down || true
  fi
  exit "$rc"
}

# bench_cluster_up BRICK...: the infrastructure and at least one replica of each BRICK; remembers
# what it started (stopped again at the end) and how long each started replica took to be ready.
bench_cluster_up() {
  servers_any_running || BENCH_STARTED_INFRA=1
  BRICKS_QUIET=1 infra_up
  local b start=() t0
  for b in "$@"; do
    # the code of this checkout: a packaged build older than its sources is built again (a run
    # of 2026-12-07 measured a build three merges old without a word)
    app_build "$b"
    if [ -z "$(app_running "$b")" ]; then
      BENCH_STARTED_APPS+=("$b"); start+=("$b")
      app_launch "$b" 1
    fi
  done
  t0=$(bench_now_ms)
  # started together: the figures of these starts are only recorded in quick mode
  for b in "${start[@]}"; do
    bench_wait_ready "$(app_replica_port "$b-1")" "$b-1" 180 >/dev/null
    touch "$RUN_DIR/$b-1.serving"
    echo "{\"brick\":\"$b\",\"readyMs\":$(( $(bench_now_ms) - t0 )),\"together\":${#start[@]}}" >> "$BENCH_WORK/parallel-starts.jsonl"
  done
  [ ${#start[@]} -eq 0 ] || gateway_reload
}

bench_now_ms() { local t=${EPOCHREALTIME/[.,]/}; echo $((t / 1000)); }

# bench_wait_ready PORT NAME SECONDS: polls /q/health/ready every 50 ms; dies if NAME exits.
bench_wait_ready() {
  local port=$1 name=$2 deadline=$(( $(bench_now_ms) + $3 * 1000 ))
  while [ "$(bench_now_ms)" -lt "$deadline" ]; do
    [ "$(http_status "http://127.0.0.1:$port/q/health/ready" 1)" = 200 ] && return 0
    is_running "$name" || { log_tail "$name"; die "$name exited during start-up"; }
    sleep 0.05
  done
  die "$name was not ready within $3 s"
}

bench_rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null; }

# --- 1. catalog: one replica direct, through the gateway, and the bare Vert.x baseline -------------

bench_catalog_paths() {
  local p i n=0
  : > "$BENCH_WORK/sku.paths"
  for p in $BENCH_SKU_PREFIXES; do
    for i in $(seq 1 10); do printf '/api/catalog/products/%s-%04d\n' "$p" "$i" >> "$BENCH_WORK/sku.paths"; done
  done
  cat > "$BENCH_WORK/search.paths" <<'EOT'
/api/catalog/products?q=lamp&size=20
/api/catalog/products?category=Kitchen&sort=price&size=20
/api/catalog/products?q=premium&sort=price&page=1&size=20
/api/catalog/products?category=Books&size=20
EOT
  # the baseline's bodies: exactly the bytes the catalog answers for each path
  mkdir -p "$BENCH_WORK/bodies"; : > "$BENCH_WORK/bodies/index.tsv"
  while read -r p; do
    n=$((n + 1))
    curl -fsS -m 10 -o "$BENCH_WORK/bodies/$n.json" "http://127.0.0.1:$1$p" || die "the catalog did not answer $p"
    printf '%s\t%s.json\n' "$p" "$n" >> "$BENCH_WORK/bodies/index.tsv"
  done < <(cat "$BENCH_WORK/sku.paths" "$BENCH_WORK/search.paths")
}

bench_section_catalog() {
  bench_log "1. catalog: direct vs gateway vs baseline ($BENCH_RUNS x ${BENCH_SECS}s each)"
  app_scale catalog 1 >/dev/null
  local direct gw base r ep target url
  direct=$(app_replica_port "$(app_first catalog)")
  gw=$BRICKS_GATEWAY_PORT base=$BRICKS_BENCH_BASELINE_PORT
  bench_catalog_paths "$direct"
  bench_baseline_start
  for ep in sku search; do
    for target in direct gateway baseline; do
      case $target in direct) url=$direct ;; gateway) url=$gw ;; baseline) url=$base ;; esac
      bench_wrk "http://127.0.0.1:$url" "$BENCH_WORK/$ep.paths" "$BENCH_WARM" >/dev/null || true
    done
  done
  for ((r = 1; r <= BENCH_RUNS; r++)); do
    for ep in sku search; do
      for target in direct gateway baseline; do
        case $target in direct) url=$direct ;; gateway) url=$gw ;; baseline) url=$base ;; esac
        bench_wrk "http://127.0.0.1:$url" "$BENCH_WORK/$ep.paths" "$BENCH_SECS" >> "$BENCH_WORK/catalog-$ep-$target.jsonl"
      done
    done
  done
  stop_bg bench-baseline 10
  for ep in sku search; do
    for target in direct gateway baseline; do
      bench_set ".catalog.$ep.$target" "$(bench_median "$BENCH_WORK/catalog-$ep-$target.jsonl" rps p50_ms p99_ms p999_ms errors)"
    done
    bench_set ".catalog.$ep.ratios" "$(jq -n \
      --argjson d "$(bench_ratio "$(bench_get ".catalog.$ep.direct.rps")" "$(bench_get ".catalog.$ep.baseline.rps")")" \
      --argjson g "$(bench_ratio "$(bench_get ".catalog.$ep.gateway.rps")" "$(bench_get ".catalog.$ep.baseline.rps")")" \
      --argjson gd "$(bench_ratio "$(bench_get ".catalog.$ep.gateway.rps")" "$(bench_get ".catalog.$ep.direct.rps")")" \
      '{directOverBaseline: $d, gatewayOverBaseline: $g, gatewayOverDirect: $gd}')"
  done
}

# --- 3. cart PUT item vs redis-benchmark HSET --------------------------------------------------------

bench_section_cart() {
  bench_log "3. cart PUT item vs redis-benchmark HSET ($BENCH_RUNS x ${BENCH_SECS}s)"
  local port i id r n
  port=$(app_replica_port "cart-$(app_running cart | sed -n 1p)")
  : > "$BENCH_WORK/cart.paths"
  for ((i = 0; i < 64; i++)); do
    id=$(curl -fsS -m 10 -X POST "http://127.0.0.1:$port/api/carts" | jq -r .id) || die "could not create a cart"
    printf '/api/carts/%s/items/%s-%04d\n' "$id" "$(echo "$BENCH_SKU_PREFIXES" | cut -d' ' -f$((i % 10 + 1)))" $((i % 7 + 1)) \
      >> "$BENCH_WORK/cart.paths"
  done
  bench_wrk "http://127.0.0.1:$port" "$BENCH_WORK/cart.paths" "$BENCH_WARM" PUT '{"quantity":1}' >/dev/null || true
  n=$((BENCH_SECS * 5000))
  for ((r = 1; r <= BENCH_RUNS; r++)); do
    bench_wrk "http://127.0.0.1:$port" "$BENCH_WORK/cart.paths" "$BENCH_SECS" PUT '{"quantity":1}' >> "$BENCH_WORK/cart-put.jsonl"
    bench_redis_hset "$n" >> "$BENCH_WORK/redis-hset.jsonl" || die "redis-benchmark failed"
    bench_redis_change >> "$BENCH_WORK/redis-change.jsonl" || die "the bare script + WAIT client failed"
  done
  bench_set .cart.put "$(bench_median "$BENCH_WORK/cart-put.jsonl" rps p50_ms p99_ms p999_ms errors)"
  bench_set .cart.redisHset "$(bench_median "$BENCH_WORK/redis-hset.jsonl" rps p50_ms p99_ms)"
  bench_set .cart.redisChange "$(bench_median "$BENCH_WORK/redis-change.jsonl" rps p50_ms p99_ms errors notAcknowledgedByAReplica)"
  bench_set .cart.ratios "$(jq -n \
    --argjson c "$(bench_ratio "$(bench_get .cart.redisChange.rps)" "$(bench_get .cart.redisHset.rps)")" \
    --argjson q "$(bench_ratio "$(bench_get .cart.put.rps)" "$(bench_get .cart.redisChange.rps)")" \
    --argjson r "$(bench_ratio "$(bench_get .cart.put.rps)" "$(bench_get .cart.redisHset.rps)")" \
    --argjson p "$(bench_ratio "$(bench_get .cart.put.p99_ms)" "$(bench_get .cart.redisHset.p99_ms)")" \
    '{putOverHsetRps: $r, putOverHsetP99: $p, changeOverHsetRps: $c, putOverChangeRps: $q}')"
}

# --- 9. what tracing costs: catalog GET and cart PUT, tracing off, at a ratio, and on every request ---

# Three extra replicas of catalog and of cart (7, 8, 9: never in rotation), one per setting, all
# started (a pair at a time) before the first run and measured direct as in sections 1 and 3, the settings taking
# turns within every run (a shared machine's load drifts; this way it hits all three alike). No
# traceparent comes in, so each brick samples new traces at its own ratio. "off" (7): no endpoint
# and ratio 0; "sampled" (8): BRICKS_BENCH_TRACES_SAMPLING (the test command's 0.01 by default);
# "full" (9): every request traced and exported to Zipkin. After each pair of runs the spans the
# OTLP receiver took (the last batch waited for) are counted for that setting.
BENCH_TRACING_MODES="off:7 sampled:8 full:9"
bench_section_tracing() {
  local ratio=${BRICKS_BENCH_TRACES_SAMPLING:-0.01} entry mode i endpoint sampling id r base_env before
  bench_log "9. tracing: catalog GET and cart PUT with tracing off, at $ratio and at 1.0 ($BENCH_RUNS x ${BENCH_SECS}s each, taking turns)"
  is_running otlp-1 && is_running zipkin-1 || die "Zipkin is not running: the traced runs would export nothing"
  app_env_cached; base_env=$_app_env
  bench_set .tracing.ratio "$ratio"
  for entry in $BENCH_TRACING_MODES; do
    mode=${entry%:*} i=${entry#*:}
    case $mode in
      off) endpoint="" sampling=0 ;;
      sampled) endpoint=$(otlp_endpoint) sampling=$ratio ;;
      full) endpoint=$(otlp_endpoint) sampling=1.0 ;;
    esac
    _app_env="$base_env"$'\n'"$(export_line BRICKS_OTLP_ENDPOINT "$endpoint")"$'\n'"$(export_line BRICKS_TRACES_SAMPLING "$sampling")"
    # two at a time: six JVMs starting at once on a busy 2-core machine starve the catalog's start
    app_launch catalog "$i"; app_launch cart "$i"
    bench_wait_ready "$(( $(app_base_port catalog) + i ))" "catalog-$i" 300
    bench_wait_ready "$(( $(app_base_port cart) + i ))" "cart-$i" 300
    echo "$sampling" > "$BENCH_WORK/tracing-$mode.sampling"; : > "$BENCH_WORK/tracing-$mode.spans"
  done
  [ -s "$BENCH_WORK/sku.paths" ] || bench_catalog_paths "$(( $(app_base_port catalog) + 7 ))"
  for entry in $BENCH_TRACING_MODES; do
    mode=${entry%:*} i=${entry#*:}
    : > "$BENCH_WORK/tracing-cart-$mode.paths"
    for ((r = 0; r < 64; r++)); do
      id=$(curl -fsS -m 10 -X POST "http://127.0.0.1:$(( $(app_base_port cart) + i ))/api/carts" | jq -r .id) \
        || die "could not create a cart"
      printf '/api/carts/%s/items/%s-%04d\n' "$id" "$(echo "$BENCH_SKU_PREFIXES" | cut -d' ' -f$((r % 10 + 1)))" \
        $((r % 7 + 1)) >> "$BENCH_WORK/tracing-cart-$mode.paths"
    done
    bench_tracing_pair "$mode" "$i" "$BENCH_WARM" /dev/null /dev/null
  done
  for ((r = 1; r <= BENCH_RUNS; r++)); do
    for entry in $BENCH_TRACING_MODES; do
      mode=${entry%:*} i=${entry#*:}
      before=$(bench_otlp_received)
      bench_tracing_pair "$mode" "$i" "$BENCH_SECS" "$BENCH_WORK/tracing-catalog-$mode.jsonl" \
        "$BENCH_WORK/tracing-cart-$mode.jsonl"
      [ "$mode" = off ] || sleep 6   # the last batch of spans (exported every 5 s)
      echo $(( $(bench_otlp_received) - before )) >> "$BENCH_WORK/tracing-$mode.spans"
    done
  done
  for entry in $BENCH_TRACING_MODES; do
    mode=${entry%:*} i=${entry#*:}
    bench_set ".tracing.$mode" "$(jq -n --argjson s "$(cat "$BENCH_WORK/tracing-$mode.sampling")" \
      --argjson n "$(awk '{ n += $1 } END { print n + 0 }' "$BENCH_WORK/tracing-$mode.spans")" \
      --argjson c "$(bench_median "$BENCH_WORK/tracing-catalog-$mode.jsonl" rps p50_ms p99_ms p999_ms errors)" \
      --argjson k "$(bench_median "$BENCH_WORK/tracing-cart-$mode.jsonl" rps p50_ms p99_ms p999_ms errors)" \
      '{sampling: $s, spansExported: $n, catalog: $c, cart: $k}')"
    app_stop_replica "catalog-$i"; app_stop_replica "cart-$i"
  done
  # each round's ratio (its three settings ran within a minute of each other), then their median:
  # steadier than a ratio of medians when the machine's load drifts between rounds
  bench_set .tracing.ratios "$(jq -n \
    --argjson cr "$(bench_tracing_round_ratios catalog sampled)" --argjson cf "$(bench_tracing_round_ratios catalog full)" \
    --argjson kr "$(bench_tracing_round_ratios cart sampled)" --argjson kf "$(bench_tracing_round_ratios cart full)" \
    '{catalogSampledOverOff: $cr, catalogFullOverOff: $cf, cartSampledOverOff: $kr, cartFullOverOff: $kf}')"
}

# bench_tracing_round_ratios BRICK MODE: {"rounds": [MODE ÷ off in req/s, per round], "median": ...}.
bench_tracing_round_ratios() {
  jq -n --slurpfile m "$BENCH_WORK/tracing-$1-$2.jsonl" --slurpfile o "$BENCH_WORK/tracing-$1-off.jsonl" '
    [range(0; [($m | length), ($o | length)] | min) as $i
      | select($o[$i].rps > 0) | ($m[$i].rps / $o[$i].rps * 1000 | round / 1000)] as $r
    | {rounds: $r, median: (if ($r | length) == 0 then null else ($r | sort | .[(length - 1) / 2 | floor]) end)}'
}

# bench_tracing_pair MODE INDEX SECONDS CATALOG_OUT CART_OUT: one wrk run on catalog-INDEX, then one on cart-INDEX.
bench_tracing_pair() {
  bench_wrk "http://127.0.0.1:$(( $(app_base_port catalog) + $2 ))" "$BENCH_WORK/sku.paths" "$3" >> "$4" || true
  bench_wrk "http://127.0.0.1:$(( $(app_base_port cart) + $2 ))" "$BENCH_WORK/tracing-cart-$1.paths" "$3" \
    PUT '{"quantity":1}' >> "$5" || true
}

# bench_otlp_received: the spans the OTLP receiver has taken since it started.
bench_otlp_received() { curl -fsS -m 2 "$(otlp_endpoint)/health" | sed -n 's/.*received=\([0-9]*\).*/\1/p'; }

# --- 5. start-to-ready and RSS ---------------------------------------------------------------------

# Each brick: an extra replica (index 9, never put in rotation) started BENCH_RUNS times alone.
bench_section_startup() {
  bench_log "5. start-to-ready of each brick and of a bare Quarkus REST app ($BENCH_RUNS starts each, one at a time)"
  local b r port t0 out failures rss
  bench_bare_startup
  for b in $APP_BRICKS; do
    out="$BENCH_WORK/start-$b.jsonl"; : > "$out"; failures=0
    for ((r = 1; r <= BENCH_RUNS; r++)); do
      port=$(( $(app_base_port "$b") + 9 ))
      t0=$(bench_now_ms)
      app_launch "$b" 9
      # a failed start is counted and said in the results; the other starts and bricks go on
      if ( bench_wait_ready "$port" "$b-9" 180 ); then
        rss=$(bench_rss_mb "$(read_pid "$b-9")")
        echo "{\"readyMs\":$(( $(bench_now_ms) - t0 )),\"rssAtReadyMb\":${rss:-null}}" >> "$out"
      else
        failures=$((failures + 1))
        bench_log "$b-9 failed to start (start $r of $BENCH_RUNS); its log: $(log_file "$b-9")"
      fi
      app_stop_replica "$b-9"
    done
    bench_set ".startup.$b" "$(bench_median "$out" readyMs rssAtReadyMb | jq --argjson f "$failures" '. + {failedStarts: $f}')"
    [ "$failures" = 0 ] || bench_set ".failed.startup_$b" "\"$failures of $BENCH_RUNS starts of $b failed\""
  done
}

# bench_bare_startup: the start-up baseline, bench/bare (a bare Quarkus REST app), started as a
# brick replica is: the same JAVA_OPTS and class-data sharing (one recording start first, as the
# bricks' releases record theirs), then BENCH_RUNS timed starts; RSS after a short load.
bench_bare_startup() {
  local rel="$BENCH_WORK/bare" port=$BRICKS_BENCH_BARE_PORT out="$BENCH_WORK/start-bare.jsonl" r t0 cds rss
  bench_build bare
  rm -rf "$rel"; cp -a "$BENCH_SRC/bare/target/quarkus-app" "$rel"
  : > "$out"
  for ((r = 0; r <= BENCH_RUNS; r++)); do
    if [ "$r" = 0 ]; then cds="-XX:ArchiveClassesAtExit=$rel/app.jsa"; else cds="-XX:SharedArchiveFile=$rel/app.jsa"; fi
    require_free_port "$port" "the bare Quarkus baseline"
    t0=$(bench_now_ms)
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    start_bg bench-bare java $JAVA_OPTS $cds -Xlog:cds=off -Xlog:cds+dynamic=off \
      -Dquarkus.http.port="$port" -jar "$rel/quarkus-run.jar"
    bench_wait_ready "$port" bench-bare 120
    rss=$(bench_rss_mb "$(read_pid bench-bare)")
    [ "$r" = 0 ] || echo "{\"readyMs\":$(( $(bench_now_ms) - t0 )),\"rssAtReadyMb\":${rss:-null}}" >> "$out"
    if [ "$r" = "$BENCH_RUNS" ]; then
      echo /hello > "$BENCH_WORK/bare.paths"
      bench_wrk "http://127.0.0.1:$port" "$BENCH_WORK/bare.paths" "$BENCH_SECS" >/dev/null || true
      rss=$(bench_rss_mb "$(read_pid bench-bare)")
      bench_set .startup.bareRssAfterLoadMb "${rss:-null}"
    fi
    stop_bg bench-bare 20
  done
  bench_set .startup.bare "$(bench_median "$out" readyMs rssAtReadyMb)"
}

bench_section_rss() {
  local b name pid rss
  for b in $APP_BRICKS; do
    name="$b-$(app_running "$b" | sed -n 1p)"
    [ "$name" = "$b-" ] && continue
    pid=$(read_pid "$name"); rss=$(bench_rss_mb "$pid")
    [ -n "$rss" ] && bench_set ".rss.$b" "{\"replica\":\"$name\",\"rssMb\":$rss}"
  done
  return 0
}

# --- 6. catalog through the gateway with 1, 2 and 3 replicas ---------------------------------------

bench_section_scaling() {
  bench_log "6. catalog through the gateway with 1, 2, 3 replicas"
  local n r
  for n in 1 2 3; do
    app_scale catalog "$n" >/dev/null
    bench_wrk "http://127.0.0.1:$BRICKS_GATEWAY_PORT" "$BENCH_WORK/sku.paths" "$BENCH_WARM" >/dev/null || true
    for ((r = 1; r <= BENCH_RUNS; r++)); do
      bench_wrk "http://127.0.0.1:$BRICKS_GATEWAY_PORT" "$BENCH_WORK/sku.paths" "$BENCH_SECS" >> "$BENCH_WORK/scale-$n.jsonl"
    done
    bench_set ".scaling.replicas$n" "$(bench_median "$BENCH_WORK/scale-$n.jsonl" rps p50_ms p99_ms errors)"
  done
  bench_set .scaling.ratios "$(jq -n \
    --argjson two "$(bench_ratio "$(bench_get .scaling.replicas2.rps)" "$(bench_get .scaling.replicas1.rps)")" \
    --argjson three "$(bench_ratio "$(bench_get .scaling.replicas3.rps)" "$(bench_get .scaling.replicas1.rps)")" \
    '{twoOverOne: $two, threeOverOne: $three}')"
}

# --- 4. checkout -> order visible, and the drain rate vs its two ceilings --------------------------

bench_customer_token() {
  local email password="bench-password-$RANDOM$RANDOM" g
  email="bench-$(date +%s%N)@bench.local"
  g="http://127.0.0.1:$BRICKS_GATEWAY_PORT"
  curl -fsS -m 20 -H 'Content-Type: application/json' -o /dev/null \
    -d "{\"email\":\"$email\",\"password\":\"$password\",\"name\":\"Bench Shopper\"}" "$g/api/customers" \
    || die "could not register a bench customer"
  curl -fsS -m 20 -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" \
    "$g/api/customers/token" | jq -r .accessToken
}
bench_jwt_sub() { local p; p=$(echo "$1" | cut -d. -f2 | tr '_-' '/+'); while [ $(( ${#p} % 4 )) -ne 0 ]; do p="$p="; done; echo "$p" | base64 -d | jq -r .sub; }

bench_orders_sql() {
  local hosts="" port
  for port in $BRICKS_PG_PORTS; do hosts="${hosts:+$hosts,}127.0.0.1:$port"; done
  PGPASSWORD=${BRICKS_ORDERS_DB_PASSWORD:-orders} psql -XqAt \
    "postgresql://${BRICKS_ORDERS_DB_USER:-orders}@$hosts/orders?target_session_attrs=read-write&connect_timeout=5" -c "$1"
}

# bench_await_orders CUSTOMER N: until N orders of CUSTOMER are stored (at most 300 s).
bench_await_orders() {
  local t0 count
  t0=$(bench_now_ms)
  while :; do
    count=$(bench_orders_sql "select count(*) from orders where customer_id = '$1'")
    [ "$count" -ge "$2" ] && break
    [ $(( $(bench_now_ms) - t0 )) -lt 300000 ] || die "only $count of $2 orders drained within 300 s"
    sleep 0.5
  done
}

# bench_drain_cold: BENCH_ORDERS_DRAIN orders placed through the shop by a fresh customer while
# order-service is stopped, then one replica started: the drain rate of a just-started replica
# (JIT still compiling), from the stored receive times (first to last order). Sets
# BENCH_DRAIN_FROM (the topic's offsets before the orders) and BENCH_DRAIN_CUSTOMER.
bench_drain_cold() {
  local g="http://127.0.0.1:$BRICKS_GATEWAY_PORT" token placed
  token=$(bench_customer_token); BENCH_DRAIN_CUSTOMER=$(bench_jwt_sub "$token")
  BENCH_DRAIN_FROM=$(bench_drain_tool offsets "$BRICKS_KAFKA_BOOTSTRAP" orders.placed) || die "could not read the offsets of orders.placed"
  app_scale order 0 >/dev/null
  placed=$(bench_probe place "$g" "$token" KIT-0002 "$BENCH_ORDERS_DRAIN" 8) || die "placing the orders failed"
  echo "$placed" >> "$BENCH_WORK/drain-placed.jsonl"
  app_scale order 1 >/dev/null
  BENCH_DRAIN_STORED=$BENCH_ORDERS_DRAIN
  bench_drain_rate
}

# bench_drain_copies N: N copies of the placed orders under new ids published straight to Kafka
# (faster than any drain, so the replica works through a backlog), then the drain rate over them.
bench_drain_copies() {
  bench_drain_tool copies "$BRICKS_KAFKA_BOOTSTRAP" orders.placed "$BENCH_DRAIN_FROM" "$BENCH_ORDERS_DRAIN" "$1" >/dev/null \
    || die "could not publish copies of the orders"
  BENCH_DRAIN_STORED=$(( BENCH_DRAIN_STORED + BENCH_ORDERS_DRAIN * $1 ))
  bench_drain_rate
}

# bench_drain_rate: waits until BENCH_DRAIN_STORED orders of the customer are stored; prints the rate
# over the last BENCH_ORDERS_DRAIN of them (first to last received_at).
bench_drain_rate() {
  bench_await_orders "$BENCH_DRAIN_CUSTOMER" "$BENCH_DRAIN_STORED"
  bench_orders_sql "select count(*), extract(epoch from max(received_at) - min(received_at)) from (select received_at from orders
      where customer_id = '$BENCH_DRAIN_CUSTOMER' order by received_at desc limit $BENCH_ORDERS_DRAIN) last" \
    | awk -F'|' '{ printf "{\"orders\":%d,\"seconds\":%.4f,\"ordersPerSec\":%.1f}\n", $1, $2, ($1 - 1) / ($2 > 0 ? $2 : 1e-9) }'
}

bench_section_orders() {
  local g="http://127.0.0.1:$BRICKS_GATEWAY_PORT" token r
  bench_log "4. checkout -> order visible ($BENCH_ORDERS_LATENCY orders), drain of $BENCH_ORDERS_DRAIN orders vs plain consumer and plain JDBC"
  bench_build drain
  token=$(bench_customer_token)
  bench_probe checkout-latency "$g" "$token" KIT-0001 3 >/dev/null   # warm-up
  for ((r = 1; r <= BENCH_RUNS; r++)); do
    bench_probe checkout-latency "$g" "$token" KIT-0001 "$BENCH_ORDERS_LATENCY" >> "$BENCH_WORK/checkout-e2e.jsonl"
  done
  bench_set .orders.endToEnd "$(bench_median "$BENCH_WORK/checkout-e2e.jsonl" p50_ms p99_ms max_ms orders)"

  # A just-started replica first (the rate right after a deploy or a restart); then warm-up: C2 is
  # still compiling the drain's paths after thousands of records (~1 s of a core per 2,000 orders
  # after the first 4,000), so copies of the orders are drained before the runs are measured.
  bench_drain_cold >> "$BENCH_WORK/drain-cold.jsonl"
  bench_drain_copies "$BENCH_ORDERS_WARM" >/dev/null
  for ((r = 1; r <= BENCH_RUNS; r++)); do
    bench_drain_copies 1 >> "$BENCH_WORK/drain-service.jsonl"
    bench_drain_tool "$BRICKS_KAFKA_BOOTSTRAP" orders.placed "$BENCH_DRAIN_FROM" "$BENCH_ORDERS_DRAIN" \
      "$BRICKS_ORDERS_JDBC_URL" "$BRICKS_ORDERS_DB_USER" "$BRICKS_ORDERS_DB_PASSWORD" >> "$BENCH_WORK/drain-plain.jsonl" \
      || die "the plain consumer / JDBC loop failed"
  done
  bench_set .orders.drainJustStarted "$(bench_median "$BENCH_WORK/drain-cold.jsonl" ordersPerSec seconds orders)"
  bench_set .orders.drain "$(bench_median "$BENCH_WORK/drain-service.jsonl" ordersPerSec seconds orders)"
  bench_set .orders.checkoutRate "$(bench_median "$BENCH_WORK/drain-placed.jsonl" checkoutsPerSec)"
  bench_set .orders.plainConsumer "$(bench_median "$BENCH_WORK/drain-plain.jsonl" consumerPerSec)"
  bench_set .orders.plainJdbc "$(bench_median "$BENCH_WORK/drain-plain.jsonl" jdbcPerSec)"
  bench_set .orders.ratios "$(jq -n \
    --argjson c "$(bench_ratio "$(bench_get .orders.drain.ordersPerSec)" "$(bench_get .orders.plainConsumer.consumerPerSec)")" \
    --argjson j "$(bench_ratio "$(bench_get .orders.drain.ordersPerSec)" "$(bench_get .orders.plainJdbc.jdbcPerSec)")" \
    --argjson s "$(bench_ratio "$(bench_get .orders.drainJustStarted.ordersPerSec)" "$(bench_get .orders.plainJdbc.jdbcPerSec)")" \
    '{drainOverPlainConsumer: $c, drainOverPlainJdbc: $j, justStartedOverPlainJdbc: $s}')"
}

# --- 2. generation cutover under load ------------------------------------------------------------

bench_section_cutover() {
  local g="http://127.0.0.1:$BRICKS_GATEWAY_PORT" staff old now activate end p i j cat ndjson skus="" status wrkout
  bench_log "2. cutover of a 10,000-product generation under load (activation ${BENCH_CUTOVER_LEAD}s ahead)"
  ndjson="$BENCH_WORK/generation.ndjson"; : > "$ndjson"
  j=0
  for p in $BENCH_SKU_PREFIXES; do
    j=$((j + 1)); cat=$(echo "$BENCH_CATEGORIES" | cut -d' ' -f"$j")
    awk -v p="$p" -v c="$cat" -v run="$BENCH_STAMP" 'BEGIN { for (i = 1; i <= 1000; i++)
      printf "{\"sku\":\"%s-%04d\",\"name\":\"Bench %s product %d\",\"description\":\"Generated by ./bricks bench %s\",\"category\":\"%s\",\"price\":{\"amount\":\"%d.%02d\",\"currency\":\"EUR\"}}\n", p, i, c, i, run, c, 5 + i % 200, i % 100 }' >> "$ndjson"
  done
  for i in $(seq 1 40); do skus="$skus $(sed -n "${i}p" "$BENCH_WORK/sku.paths" | sed 's|.*/||')"; done
  staff=$(cmd_token staff) || die "no staff token"
  old=$(curl -fsS -m 5 -D - -o /dev/null "$g/api/catalog/products/KIT-0001" | tr -d '\r' | sed -n 's/^[Xx]-[Cc]atalog-[Gg]eneration: //p')
  now=$(bench_now_ms)
  activate=$(( (now / 1000 + BENCH_CUTOVER_LEAD) * 1000 ))
  end=$(( activate + BENCH_CUTOVER_AFTER * 1000 ))
  # the load: wrk through the gateway for the whole window, the probe checking every answer
  BENCH_PATHS="$BENCH_WORK/sku.paths" timeout $(( (end - now) / 1000 + 40 )) \
    wrk -t1 -c32 -d"$(( (end - now) / 1000 + 1 ))s" --timeout 5s -s "$BENCH_SRC/wrk/paths.lua" "$g" \
    > "$BENCH_WORK/cutover-wrk.out" 2>&1 &
  local wrk_pid=$!
  bench_probe cutover "$g" "$activate" "$end" "$old" 8 $skus > "$BENCH_WORK/cutover-probe.json" &
  local probe_pid=$!
  status=$(curl -sS -m 60 -o "$BENCH_WORK/cutover-post.out" -w '%{http_code}' -X POST \
    -H "Authorization: Bearer $staff" -H 'Content-Type: application/x-ndjson' --data-binary @"$ndjson" \
    "$g/api/catalog/generations?activateAt=$(date -u -d "@$((activate / 1000))" +%FT%TZ)")
  wait "$probe_pid" || die "the cutover probe failed"
  wait "$wrk_pid" || true
  [ "$status" = 202 ] || die "the generation upload answered HTTP $status: $(head -c 300 "$BENCH_WORK/cutover-post.out")"
  wrkout=$(sed -n 's/^BENCH_JSON //p' "$BENCH_WORK/cutover-wrk.out")
  bench_set .cutover "$(jq -n --argjson probe "$(cat "$BENCH_WORK/cutover-probe.json")" --argjson load "${wrkout:-null}" \
    --argjson lead "$BENCH_CUTOVER_LEAD" --argjson replicas "$(app_running catalog | wc -l)" \
    '{products: 10000, activationLeadSeconds: $lead, catalogReplicas: $replicas, probe: $probe, load: $load}')"
}

# --- 8. a new catalog replica joining -------------------------------------------------------------
# On topics of its own (catalog.generations.bench-join-*, deleted at the end): replica catalog-8
# uploads, replica catalog-9 is started alone and timed from the fork to its first ready answer.

# bench_join_ndjson FILE COUNT: COUNT products over the ten categories, as NDJSON.
bench_join_ndjson() {
  awk -v n="$2" -v run="$BENCH_STAMP" 'BEGIN {
    split("KIT GAR OUT ELE BOO TOY HOM SPO BEA OFF", p, " ")
    split("Kitchen Garden Outdoor Electronics Books Toys Home Sports Beauty Office", c, " ")
    for (i = 0; i < n; i++) { k = i % 10 + 1
      printf "{\"sku\":\"%s-J%07d\",\"name\":\"Join %s product %d\",\"description\":\"Generated by ./bricks bench %s\",\"category\":\"%s\",\"price\":{\"amount\":\"%d.%02d\",\"currency\":\"EUR\"}}\n", p[k], i, c[k], i, run, c[k], 5 + i % 200, i % 100 } }' > "$1"
}

# bench_join_launch INDEX TOPIC JAVA_OPTIONS: starts catalog-INDEX on TOPIC (not in the gateway's rotation).
bench_join_launch() {
  echo "$2" >> "$BENCH_WORK/join-topics"
  (export BRICKS_CATALOG_TOPIC=$2 JAVA_OPTS=$3; app_jar() { echo "$BENCH_WORK/catalog-app/quarkus-run.jar"; }
   app_launch catalog "$1")
}

# bench_join_upload PORT FILE: uploads FILE to the replica on PORT (activation: as soon as staged),
# prints the generation number.
bench_join_upload() {
  local status
  status=$(curl -sS -m 1800 -o "$BENCH_WORK/join-post.out" -w '%{http_code}' -X POST \
    -H "Authorization: Bearer $BENCH_JOIN_STAFF" -H 'Content-Type: application/x-ndjson' \
    --data-binary @"$2" "http://127.0.0.1:$1/api/catalog/generations")
  [ "$status" = 202 ] || die "the join upload answered HTTP $status: $(head -c 300 "$BENCH_WORK/join-post.out")"
  jq -r .generation "$BENCH_WORK/join-post.out"
}

# bench_join_await_active PORT GENERATION SECONDS
bench_join_await_active() {
  local deadline=$(( $(bench_now_ms) + $3 * 1000 ))
  while [ "$(bench_now_ms)" -lt "$deadline" ]; do
    [ "$(curl -fsS -m 5 "http://127.0.0.1:$1/api/catalog/generations/active" 2>/dev/null | jq -r .number)" = "$2" ] \
      && return 0
    sleep 0.2
  done
  die "generation $2 not active on port $1 within $3 s"
}

# bench_join_once TOPIC JAVA_OPTIONS: starts catalog-9 on TOPIC alone and prints, as JSON, its time
# from the fork to ready, what it staged, its heap and RSS once ready; leaves it running.
bench_join_once() {
  local port t0 ready pid active heap joined logged
  port=$(( $(app_base_port catalog) + 9 ))
  logged=0
  [ -f "$(log_file catalog-9)" ] && logged=$(wc -l < "$(log_file catalog-9)")
  t0=$(bench_now_ms)
  bench_join_launch 9 "$1" "$2"
  bench_wait_ready "$port" catalog-9 "$BENCH_JOIN_WAIT"
  ready=$(( $(bench_now_ms) - t0 ))
  pid=$(read_pid catalog-9)
  active=$(curl -fsS -m 10 "http://127.0.0.1:$port/api/catalog/generations/active")
  heap=$(curl -fsS -m 10 "http://127.0.0.1:$port/q/metrics" \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { s += $NF } END { printf "%.0f", s / 1048576 }')
  joined=$(tail -n +"$((logged + 1))" "$(log_file catalog-9)" | grep 'joined: staged' | tail -n 1 \
    | sed -n 's/.*joined: staged \([0-9]*\) of the \([0-9]*\) generations.* in \([0-9]*\) ms.*/{"staged":\1,"found":\2,"ms":\3}/p' \
    || true)  # no such line when nothing was committed yet
  jq -n --argjson ready "$ready" --argjson active "$active" --argjson heap "${heap:-null}" \
    --argjson rss "$(bench_rss_mb "$pid")" --argjson joined "${joined:-null}" \
    '{readyMs: $ready, generation: $active.number, products: $active.products, stagingMs: $active.stagingMillis,
      stagedProductsPerSec: (if ($active.stagingMillis // 0) > 0 then ($active.products * 1000 / $active.stagingMillis | round) else null end),
      heapUsedMbAtReady: $heap, rssMbAtReady: $rss, join: $joined}'
}

# bench_join_reads PORT SKU_FILE: lookups by SKU and searches on the joined replica, one wrk run each.
bench_join_reads() {
  local port=$1 lookup search
  sed 's|^|/api/catalog/products/|' "$2" > "$BENCH_WORK/join-sku.paths"
  cat > "$BENCH_WORK/join-search.paths" <<'EOT'
/api/catalog/products?q=product+4242&size=20
/api/catalog/products?category=Kitchen&sort=price&size=20
/api/catalog/products?q=join+books&sort=-price&page=2&size=20
/api/catalog/products?category=Toys&size=20
EOT
  lookup=$(BRICKS_BENCH_CONNECTIONS=$BENCH_JOIN_CONNECTIONS bench_wrk "http://127.0.0.1:$port" "$BENCH_WORK/join-sku.paths" "$BENCH_SECS")
  search=$(BRICKS_BENCH_CONNECTIONS=$BENCH_JOIN_CONNECTIONS bench_wrk "http://127.0.0.1:$port" "$BENCH_WORK/join-search.paths" "$BENCH_SECS")
  jq -n --argjson l "${lookup:-null}" --argjson s "${search:-null}" --argjson c "$BENCH_JOIN_CONNECTIONS" \
    '{connections: $c, lookup: $l, search: $s}'
}

bench_section_join() {
  local port8 port9 topic ndjson gen u r size heap_opts h2 out reads
  BENCH_JOIN_WAIT=${BRICKS_BENCH_JOIN_WAIT:-600} BENCH_JOIN_CONNECTIONS=${BRICKS_BENCH_JOIN_CONNECTIONS:-8}
  BENCH_JOIN_STAFF=$(cmd_token staff) || die "no staff token"
  port8=$(( $(app_base_port catalog) + 8 )); port9=$(( $(app_base_port catalog) + 9 ))
  # a loaded machine may take long to reach Kafka: the joining replica must not settle for the demo catalogue
  # the heap of a Kubernetes catalog replica (k8s/base/catalog-service), and the collector a JVM picks
  # in a container of one CPU
  heap_opts="-Xms64m -Xmx320m -XX:+UseSerialGC -Dbricks.catalog.startup-kafka-wait=600s"
  # a copy of the build: the long run goes on when the catalog is rebuilt meanwhile
  rm -rf "$BENCH_WORK/catalog-app"; cp -r "$(dirname "$(app_jar catalog)")" "$BENCH_WORK/catalog-app"
  bench_log "8. a joining catalog replica: after 1 and $BENCH_JOIN_UPLOADS uploads of 10,000 products, and with active generations of $BENCH_JOIN_SIZES products"

  # after 1 and after N uploads of the same catalogue, on one topic (--join-uploads 0: skipped)
  if [ "$BENCH_JOIN_UPLOADS" -gt 0 ]; then
    topic="catalog.generations.bench-join-$BENCH_STAMP-history"
    ndjson="$BENCH_WORK/join-10000.ndjson"
    bench_join_ndjson "$ndjson" 10000
    bench_join_launch 8 "$topic" "-Xms64m -Xmx1g"
    bench_wait_ready "$port8" catalog-8 180
    for u in $(seq 1 "$BENCH_JOIN_UPLOADS"); do
      gen=$(bench_join_upload "$port8" "$ndjson")
      bench_join_await_active "$port8" "$gen" 120
      if [ "$u" = 1 ] || [ "$u" = "$BENCH_JOIN_UPLOADS" ]; then
        out="$BENCH_WORK/join-after-$u.jsonl"; : > "$out"
        for ((r = 1; r <= BENCH_RUNS; r++)); do
          bench_join_once "$topic" "$heap_opts" >> "$out"
          app_stop_replica catalog-9
          [ "$(jq -s -r '.[-1].generation' "$out")" = "$gen" ] || die "the joined replica did not serve generation $gen"
        done
        bench_set ".join.afterUploads.\"$u\"" "$(jq -s '{runs: ., readyMsMedian: ([.[].readyMs] | sort | .[length / 2 | floor])}' "$out")"
      fi
    done
    app_stop_replica catalog-8
    bench_set .join.afterUploads.ratio "$(bench_ratio "$(bench_get ".join.afterUploads.\"$BENCH_JOIN_UPLOADS\".readyMsMedian")" \
      "$(bench_get '.join.afterUploads."1".readyMsMedian')")"
  fi

  # one active generation of each size; the joining replica keeps H2 in a file on its local disk,
  # with the page cache of a Kubernetes replica (its heap stays bounded whatever the size); the
  # uploader has the heap of a Kubernetes replica too: an upload streams to Kafka, never held whole
  for size in ${BENCH_JOIN_SIZES//,/ }; do
    topic="catalog.generations.bench-join-$BENCH_STAMP-$size"
    ndjson="$BENCH_WORK/join-$size.ndjson"
    bench_join_ndjson "$ndjson" "$size"
    bench_join_launch 8 "$topic" "-Xms64m -Xmx320m -Dbricks.catalog.max-products=$size -Dquarkus.http.limits.max-body-size=2G -Dbricks.catalog.publish-timeout=900s"
    bench_wait_ready "$port8" catalog-8 180
    local t0; t0=$(bench_now_ms)
    gen=$(bench_join_upload "$port8" "$ndjson")
    local upload_ms=$(( $(bench_now_ms) - t0 )) uploader_rss
    uploader_rss=$(bench_rss_mb "$(read_pid catalog-8)")
    app_stop_replica catalog-8 # accepted = on Kafka; its own staging would only compete for the CPUs
    rm -rf "$BENCH_WORK/join-h2"; mkdir -p "$BENCH_WORK/join-h2"
    h2="-Dquarkus.datasource.jdbc.url=jdbc:h2:file:$BENCH_WORK/join-h2/catalog;DB_CLOSE_DELAY=-1;CACHE_SIZE=65536"
    out=$(bench_join_once "$topic" "$heap_opts $h2")
    [ "$(jq -r .generation <<< "$out")" = "$gen" ] || die "the joined replica serves $(jq -r .generation <<< "$out"), not $gen"
    # 100 SKUs spread over the catalogue (awk stops by itself: a pipe into head would end in SIGPIPE)
    awk 'NR % 997 == 1 && match($0, /"sku":"[^"]*"/) { print substr($0, RSTART + 7, RLENGTH - 8); if (++n == 100) exit }' \
      "$ndjson" > "$BENCH_WORK/join-skus"
    reads=$(bench_join_reads "$port9" "$BENCH_WORK/join-skus")
    bench_set ".join.sizes.\"$size\"" "$(jq -n --argjson j "$out" --argjson r "$reads" --argjson up "$upload_ms" \
      --argjson uprss "${uploader_rss:-null}" --arg h2 "$([ -n "$h2" ] && echo file || echo memory)" --argjson disk "$([ -n "$h2" ] && du -sm "$BENCH_WORK/join-h2" | cut -f1 || echo null)" \
      --argjson bytes "$(stat -c %s "$ndjson")" \
      '$j + {uploadAcceptedMs: $up, uploaderRssMb: $uprss, ndjsonBytes: $bytes, h2: $h2, h2DiskMb: $disk, reads: $r}')"
    app_stop_replica catalog-9
    rm -rf "$BENCH_WORK/join-h2" "$ndjson"
  done
}

# bench_join_report_md: the join figures as Markdown (nothing when the section did not run).
bench_join_report_md() {
  jq -r 'select(.join) | .join as $j | def n: if . == null then "–" else tostring end;
    def mib: if . == null then "–" else "\(.) MiB" end;
    "", "## 8. A new catalog replica joining", "",
    "| catalogue history | joined in (median) | staged / found |",
    "|---|---:|---|",
    ($j.afterUploads // {} | to_entries[] | select(.key != "ratio") |
      "| after \(.key) upload(s) of 10,000 products | \(.value.readyMsMedian) ms | \(.value.runs | map("\(.join.staged // "–")/\(.join.found // "–")") | join(", ")) |"),
    "", "after the last ÷ after 1: **\($j.afterUploads.ratio | n)×**", "",
    "| active generation | upload accepted in (uploader RSS, -Xmx320m) | ready in | staging | products/s | heap used at ready | RSS | H2 | lookup req/s, p99 | search req/s, p99 |",
    "|---:|---:|---:|---:|---:|---:|---:|---|---|---|",
    ($j.sizes // {} | to_entries[] | .value as $s |
      "| \($s.products) | \($s.uploadAcceptedMs | n) ms (\($s.uploaderRssMb | mib)) | \($s.readyMs) ms | \($s.stagingMs | n) ms | \($s.stagedProductsPerSec | n) | \($s.heapUsedMbAtReady | mib) (-Xmx320m) | \($s.rssMbAtReady | mib) | \($s.h2)\(if $s.h2DiskMb then ", \($s.h2DiskMb) MiB on disk" else "" end) | \($s.reads.lookup.rps | n), \($s.reads.lookup.p99_ms | n) ms | \($s.reads.search.rps | n), \($s.reads.search.p99_ms | n) ms |")' \
    "$BENCH_WORK/results.json"
}

# bench_join_cleanup: deletes the topics of the join section (its upload topics too).
bench_join_cleanup() {
  [ -s "$BENCH_WORK/join-topics" ] || return 0
  kafka_java -Xmx96m org.apache.kafka.tools.TopicCommand --bootstrap-server "$(kafka_bootstrap)" --delete \
    --if-exists --topic 'catalog\.generations\.bench-join-.*' >/dev/null 2>&1 || true
}

# --- 7. shopper journeys (Gatling) ----------------------------------------------------------------

# bench_gatling_stats REPORT_DIR: the report's js/stats.js (a JavaScript object) as JSON.
bench_gatling_stats() {
  awk '/^var stats = /{ sub(/^var stats = /, ""); p = 1 } p && /^function/{ exit } p' "$1/js/stats.js" \
    | sed -E 's/^([[:space:]]*)([A-Za-z_][A-Za-z0-9_]*):/\1"\2":/'
}

# bench/gatling: shoppers (browse, cart of 2-3 items, register, sign in, checkout, order visible) and
# browsers, an open model through the gateway for BRICKS_BENCH_GATLING_SECONDS. The headline figures go
# into the results; the HTML report (mostly vendored charting libraries) stays in its local folder.
bench_section_gatling() {
  local secs=${BRICKS_BENCH_GATLING_SECONDS:-60} dir="$BENCH_SRC/gatling" report stats
  local shoppers=${BRICKS_BENCH_GATLING_SHOPPERS:-2} browsers=${BRICKS_BENCH_GATLING_BROWSERS:-10}
  bench_log "7. shopper journeys with Gatling (${secs}s: $shoppers shoppers/s, $browsers browsers/s, through the gateway; log: $LOG_DIR/bench-gatling.log)"
  # the first run downloads Gatling from Maven Central: the time bound leaves room for that
  timeout $((secs + 900)) "$BRICKS_ROOT/mvnw" -B -f "$dir/pom.xml" gatling:test \
    -Dbricks.gateway="http://127.0.0.1:$BRICKS_GATEWAY_PORT" -Dbricks.seconds="$secs" \
    -Dbricks.shoppersPerSec="$shoppers" -Dbricks.browsersPerSec="$browsers" \
    >"$LOG_DIR/bench-gatling.log" 2>&1 || { tail -n 30 "$LOG_DIR/bench-gatling.log" >&2; die "the Gatling run failed"; }
  report=$(sed -n 's|.*please open the following file: file://\(.*\)/index.html.*|\1|p' "$LOG_DIR/bench-gatling.log" | tail -n 1)
  [ -n "$report" ] && [ -f "$report/js/stats.js" ] || die "no Gatling report found in $LOG_DIR/bench-gatling.log"
  stats=$(bench_gatling_stats "$report") || die "could not read $report/js/stats.js"
  bench_set .gatling "$(printf '%s' "$stats" | jq --argjson secs "$secs" --argjson shoppers "$shoppers" \
    --argjson browsers "$browsers" --arg report "$report/index.html" '
    def num: if . == null or . == "-" then null else tonumber end;
    def fig: {requests: (.numberOfRequests.total | num), ok: (.numberOfRequests.ok | num), ko: (.numberOfRequests.ko | num),
      rps: (.meanNumberOfRequestsPerSecond.total | num), p50_ms: (.percentiles1.total | num),
      p95_ms: (.percentiles3.total | num), p99_ms: (.percentiles4.total | num), max_ms: (.maxResponseTime.total | num)};
    {seconds: $secs, shoppersPerSec: $shoppers, browsersPerSec: $browsers, global: (.stats | fig),
     requests: [.contents[] | .stats | {name} + fig], report: $report}')"
}

# --- the report ----------------------------------------------------------------------------------

bench_report_md() {
  jq -r -f "$BENCH_SRC/report.jq" "$BENCH_WORK/results.json"
}

# --- entry point ---------------------------------------------------------------------------------

# bench_section NAME FUNCTION: runs one section in a subshell; a failure is recorded, the run goes on.
bench_section() {
  local name=$1 fn=$2 t0 rc=0 pid
  # --sections LIST: only the named sections run (full mode)
  case ",${BENCH_SECTIONS:-$name}," in *",$name,"*) ;; *) return 0 ;; esac
  t0=$(bench_now_ms)
  # a background subshell, so that `set -e` holds inside it (it is ignored in an `||` list)
  ( "$fn" ) 2> >(tee -a "$BENCH_WORK/errors.log" >&2) &
  pid=$!
  wait "$pid" || rc=$?
  if [ "$rc" -ne 0 ]; then
    bench_set ".failed.$name" "$(jq -n --arg e "$(grep -v '^bench: [0-9]' "$BENCH_WORK/errors.log" | tail -n 3 | tr '\n' ' ')" '$e')"
    bench_log "section $name failed (rc $rc); going on"
  fi
  bench_set ".sectionSeconds.$name" "$(( ($(bench_now_ms) - t0) / 1000 ))"
}

cmd_bench() {
  local quick="" join_only=""
  BENCH_SECTIONS=""
  BENCH_JOIN_SIZES=10000 BENCH_JOIN_UPLOADS=50
  while [ $# -gt 0 ]; do
    case $1 in
      --quick) quick=1 ;;
      # only the join section (8); the heavy sizes are opt-in: --join-sizes 10000,100000,1000000
      --join) join_only=1 ;;
      --join-sizes) BENCH_JOIN_SIZES=${2:?}; shift ;;
      --join-uploads) BENCH_JOIN_UPLOADS=${2:?}; shift ;;
      # only these sections of the full run, e.g. --sections catalog,cart (results under var/bench/)
      --sections) BENCH_SECTIONS=${2:?}; shift ;;
      *) usage_error "usage: ./bricks bench [--quick] [--sections NAME,NAME...] [--join] [--join-sizes N,N...] [--join-uploads N]" ;;
    esac
    shift
  done
  need_base_tools
  need_cmd wrk wrk
  # replicas the benchmark starts sample new traces as the test command does (section 9 measures
  # tracing off, at this ratio and at 1.0); a running shop keeps its own setting
  BRICKS_TRACES_SAMPLING=${BRICKS_BENCH_TRACES_SAMPLING:-0.01}
  export BRICKS_TRACES_SAMPLING
  need_cmd redis-benchmark redis-tools
  need_cmd jq jq
  need_cmd psql postgresql-client
  BENCH_STAMP=$(date +%F-%H%M%S)
  BENCH_WORK="$VAR_DIR/bench/$BENCH_STAMP"
  mkdir -p "$BENCH_WORK"
  echo '{}' > "$BENCH_WORK/results.json"
  if [ -n "$quick" ]; then
    BENCH_RUNS=1 BENCH_SECS=2 BENCH_WARM=1
    BENCH_OUT="$VAR_DIR/bench/results"
  else
    BENCH_RUNS=${BRICKS_BENCH_RUNS:-3} BENCH_SECS=${BRICKS_BENCH_SECONDS:-10} BENCH_WARM=5
    BENCH_OUT="$BENCH_SRC/results"
    # a partial run is for working on one path: its results stay out of the repository
    [ -z "$BENCH_SECTIONS" ] || BENCH_OUT="$VAR_DIR/bench/results"
    BENCH_ORDERS_LATENCY=${BRICKS_BENCH_ORDERS_LATENCY:-50} BENCH_ORDERS_DRAIN=${BRICKS_BENCH_ORDERS_DRAIN:-1000}
    BENCH_ORDERS_WARM=${BRICKS_BENCH_ORDERS_WARM:-8}
    BENCH_CUTOVER_LEAD=${BRICKS_BENCH_CUTOVER_LEAD:-15} BENCH_CUTOVER_AFTER=10
  fi
  export BENCH_WORK BENCH_RUNS BENCH_SECS BENCH_WARM BENCH_STAMP BENCH_SECTIONS
  mkdir -p "$BENCH_OUT"
  bench_set .mode "\"$([ -n "$quick" ] && echo quick || echo full)\""
  bench_set .date "\"$(date -Is)\""
  bench_set .commit "\"$(git -C "$BRICKS_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)\""
  bench_set .settings "{\"runs\":$BENCH_RUNS,\"seconds\":$BENCH_SECS,\"warmupSeconds\":$BENCH_WARM,\"connections\":$BRICKS_BENCH_CONNECTIONS,\"wrkThreads\":2}"
  bench_set .machine "$(bench_machine)"

  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  export BENCH_JOIN_SIZES BENCH_JOIN_UPLOADS
  if [ -n "$join_only" ]; then
    # customer-service signs the staff token the uploads need
    bench_cluster_up customer
    app_build --missing-only catalog
    bench_section join bench_section_join
    mkdir -p "$VAR_DIR/bench/results"
    cp "$BENCH_WORK/results.json" "$VAR_DIR/bench/results/$BENCH_STAMP-join.json"
    bench_join_report_md | tee "$VAR_DIR/bench/results/$BENCH_STAMP-join.md"
    [ "$(bench_get '.failed // {} | length')" = 0 ] || die "the join section failed: $(bench_get '.failed.join')"
    return
  fi
  bench_build baseline
  if [ -n "$quick" ]; then
    # the smoke run: only what proves the harness works (catalog + cart), one short run each
    bench_cluster_up catalog cart
  else
    bench_cluster_up $APP_BRICKS
  fi
  BENCH_CATALOG_BEFORE=$(app_running catalog | wc -l | tr -d ' ')
  BENCH_ORDER_BEFORE=$(app_running order | wc -l | tr -d ' ')
  eval "$(app_env_lines)"
  export BRICKS_ORDERS_JDBC_URL BRICKS_ORDERS_DB_USER BRICKS_ORDERS_DB_PASSWORD BRICKS_KAFKA_BOOTSTRAP
  export BENCH_ORDERS_LATENCY BENCH_ORDERS_DRAIN BENCH_ORDERS_WARM BENCH_CUTOVER_LEAD BENCH_CUTOVER_AFTER

  bench_section catalog bench_section_catalog
  bench_section cart bench_section_cart
  if [ -n "$quick" ]; then
    [ -f "$BENCH_WORK/parallel-starts.jsonl" ] && bench_set .startupParallel "$(jq -s . "$BENCH_WORK/parallel-starts.jsonl")"
  else
    bench_section startup bench_section_startup
    bench_section scaling bench_section_scaling
    app_scale catalog "$BENCH_CATALOG_BEFORE" >/dev/null
    bench_section orders bench_section_orders
    bench_section cutover bench_section_cutover
    bench_section gatling bench_section_gatling
    bench_section join bench_section_join
    bench_section tracing bench_section_tracing
  fi
  bench_section_rss
  bench_set .machine.loadAverageAtEnd "\"$(cut -d' ' -f1-3 /proc/loadavg)\""

  local out="$BENCH_OUT/$BENCH_STAMP"
  [ -n "$quick" ] && out="$out-quick"
  cp "$BENCH_WORK/results.json" "$out.json"
  bench_report_md > "$out.md"
  bench_join_report_md >> "$out.md"
  bench_log "results: $out.md and $out.json"
  cat "$out.md"
  if [ "$(bench_get '.failed // {} | length')" != 0 ]; then
    die "some sections failed: $(bench_get '.failed | keys | join(", ")')"
  fi
}
