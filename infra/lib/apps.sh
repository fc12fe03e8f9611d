# The bricks' Quarkus applications: building them, and running N replicas of each as plain
# java processes (catalog-1 on BRICKS_CATALOG_BASE_PORT+1, catalog-2 on +2, ...).
# A replica is "in rotation" (listed in the gateway) when it has var/run/NAME.serving: that file
# is written once the replica is ready and removed before it is stopped. Sourced by ./bricks.

APP_BRICKS="catalog cart customer order"
: "${BRICKS_READY_TIMEOUT:=120}"
: "${JAVA_OPTS:=-Xms64m -Xmx320m}"

app_valid_brick() { case " $APP_BRICKS " in *" $1 "*) return 0 ;; esac; return 1; }
app_module() { echo "$1-service"; }
app_jar() { echo "$BRICKS_ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }
# two of every brick: any one replica may die and its brick goes on serving
app_default_replicas() { echo 2; }
app_base_port() { local v; v="BRICKS_$(echo "$1" | tr '[:lower:]' '[:upper:]')_BASE_PORT"; echo "${!v}"; }

# app_replicas BRICK: the indices that have a pid file (running or not), ascending.
app_replicas() {
  local f n
  for f in "$RUN_DIR/$1"-*.pid; do
    [ -e "$f" ] || continue
    n=${f##*/"$1"-}; n=${n%.pid}
    case $n in ''|*[!0-9]*) continue ;; esac
    echo "$n"
  done | sort -n
}

# app_running BRICK: indices of live replicas.
app_running() { local i; for i in $(app_replicas "$1"); do is_running "$1-$i" && echo "$i"; done; return 0; }

app_replica_port() {
  local f="$RUN_DIR/$1.port"
  if [ -f "$f" ]; then cat "$f"; else local b=${1%-*}; echo $(( $(app_base_port "$b") + ${1##*-} )); fi
}

# app_in_rotation BRICK: "NAME PORT" of each live replica that the gateway should route to.
app_in_rotation() {
  local i name
  for i in $(app_running "$1"); do
    name="$1-$i"
    [ -f "$RUN_DIR/$name.serving" ] && echo "$name $(app_replica_port "$name")"
  done
  return 0
}

# ---------------------------------------------------------------------------------------------
# The application environment (also printed by `./bricks env` and exported by `./bricks test`).
# ---------------------------------------------------------------------------------------------
app_env_lines() {
  secrets_ensure
  staff_load
  export_line BRICKS_ROOT "$BRICKS_ROOT"
  export_line BRICKS_VAR "$VAR_DIR"
  redis_env
  kafka_env
  pg_env
  export_line BRICKS_JWT_PUBLIC_KEY "$JWT_PUBLIC_KEY"
  export_line BRICKS_JWT_PRIVATE_KEY "$JWT_PRIVATE_KEY"
  export_line BRICKS_JWT_ISSUER "bricks-customer-service"
  export_line BRICKS_CATALOG_URL "http://127.0.0.1:$BRICKS_GATEWAY_PORT"
  export_line BRICKS_STAFF_EMAIL "$BRICKS_STAFF_EMAIL"
  export_line BRICKS_STAFF_PASSWORD "$BRICKS_STAFF_PASSWORD"
  export_line BRICKS_GATEWAY_PORT "$BRICKS_GATEWAY_PORT"
}

# app_env_cached: the lines above, computed once per ./bricks run (pg_env may ask Patroni).
_app_env=""
app_env_cached() {
  [ -n "$_app_env" ] || _app_env=$(app_env_lines) || die "could not compute the application environment"
}

# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------

# app_stale BRICK: true when the brick's jar is missing or older than its sources, its pom,
# shared-contracts or the root pom.
app_stale() {
  local jar m; jar=$(app_jar "$1"); m="$BRICKS_ROOT/$(app_module "$1")"
  [ -f "$jar" ] || return 0
  [ -n "$(find "$m/src" "$m/pom.xml" "$BRICKS_ROOT/shared-contracts/src" \
          "$BRICKS_ROOT/shared-contracts/pom.xml" "$BRICKS_ROOT/pom.xml" \
          -newer "$jar" -print -quit 2>/dev/null)" ]
}

# app_build [--missing-only] BRICK...: builds the given bricks that are out of date.
app_build() {
  local only_missing="" b modules=""
  [ "${1:-}" = --missing-only ] && { only_missing=1; shift; }
  for b in "$@"; do
    if [ -n "$only_missing" ]; then [ -f "$(app_jar "$b")" ] && continue
    else app_stale "$b" || continue
    fi
    modules="${modules:+$modules,}$(app_module "$b")"
  done
  [ -n "$modules" ] || return 0
  need_base_tools
  say "building $modules (log: $LOG_DIR/build.log)"
  if ! (cd "$BRICKS_ROOT" && ./mvnw -B -q -DskipTests package -pl "$modules" -am) \
      >"$LOG_DIR/build.log" 2>&1; then
    tail -n 40 "$LOG_DIR/build.log" >&2
    die "the build of $modules failed; see $LOG_DIR/build.log"
  fi
  for b in "$@"; do
    [ -f "$(app_jar "$b")" ] || die "the build did not produce $(app_jar "$b")"
  done
}

# ---------------------------------------------------------------------------------------------
# Replicas
# ---------------------------------------------------------------------------------------------

app_ready() { [ "$(http_status "http://127.0.0.1:$1/q/health/ready")" = 200 ]; }
app_live() { [ "$(http_status "http://127.0.0.1:$1/q/health/live")" = 200 ]; }

app_health() {
  local name=$1 port; port=$(app_replica_port "$name")
  if ! is_running "$name"; then echo "stopped (stale pid file)"
  elif app_ready "$port"; then echo ready
  elif app_live "$port"; then echo live
  else echo down
  fi
}

# app_launch BRICK INDEX: starts one replica in the background (does not wait).
app_launch() {
  local brick=$1 i=$2 name port jar cds
  name="$brick-$i"; port=$(( $(app_base_port "$brick") + i ))
  jar=$(app_jar "$brick")
  [ -f "$jar" ] || die "$jar is missing: run './bricks up' to build it"
  require_free_port "$port" "$name"
  app_env_cached
  rm -f "$RUN_DIR/$name.serving"
  echo "$port" > "$RUN_DIR/$name.port"
  echo "=== $(date -Is) starting $name on port $port" >> "$(log_file "$name")"
  (
    eval "$_app_env"
    export BRICKS_HTTP_PORT=$port BRICKS_REPLICA=$name
    cds=$(app_cds_opts "$brick" "$name")
    # shellcheck disable=SC2086 # JAVA_OPTS and the CDS options are lists of options
    start_bg "$name" java $JAVA_OPTS $cds \
      -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" -jar "$jar"
  )
}

# app_cds_opts BRICK NAME: class-data sharing for a replica, as for Kafka (kafka_cds_opts). Replica
# 1 of a new build records the classes it loaded when it stops cleanly (one recorder per brick:
# the dump costs CPU at exit); later replicas of that build map the archive and start with about
# 40 % less CPU (cart: 8 -> 5 CPU s, ready in 7.1 -> 4.2 s), which counts when eight replicas
# start at once on two cores.
app_cds_opts() {
  local brick=$1 name=$2 jsa stamp
  jsa="$VAR_DIR/cds/$brick.jsa"
  stamp="$(stat -c '%Y %s' "$(app_jar "$brick")") $(java -version 2>&1 | head -n 2 | tr '\n' ' ')"
  mkdir -p "$VAR_DIR/cds"
  if [ -f "$jsa" ] && [ "$(cat "$jsa.stamp" 2>/dev/null)" = "$stamp" ]; then
    echo "-XX:SharedArchiveFile=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  elif [ "${name##*-}" = 1 ]; then
    rm -f "$jsa"
    echo "$stamp" > "$jsa.stamp"
    echo "-XX:ArchiveClassesAtExit=$jsa.$name -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}

# app_cds_keep NAME: after a clean stop, the archive the replica wrote becomes its brick's.
app_cds_keep() {
  local jsa="$VAR_DIR/cds/${1%-*}.jsa"
  [ -f "$jsa.$1" ] || return 0
  if [ -f "$jsa" ]; then rm -f "$jsa.$1"; else mv "$jsa.$1" "$jsa"; fi
}

# app_await NAME: waits until the replica is ready, then puts it in rotation.
app_await() {
  local name=$1 port; port=$(app_replica_port "$name")
  wait_started "$name" "$BRICKS_READY_TIMEOUT" "$name (port $port)" app_ready "$port"
  touch "$RUN_DIR/$name.serving"
}

app_stop_replica() {
  stop_bg "$1" 25
  app_cds_keep "$1"
  rm -f "$RUN_DIR/$1.serving" "$RUN_DIR/$1.port"
}

# app_scale BRICK N [--at-least]: runs replicas 1..N of BRICK. New replicas join the gateway
# once they are ready; surplus replicas leave the gateway (graceful reload, old connections
# finish) before they get SIGTERM. With --at-least, surplus replicas are kept (for `up`).
app_scale() {
  local brick=$1 n=$2 at_least=${3:-} i name started=() surplus=() pids=()
  app_valid_brick "$brick" || die "unknown brick '$brick' (one of: $APP_BRICKS)"
  case $n in ''|*[!0-9]*) die "the replica count must be a number, not '$n'" ;; esac
  for ((i = 1; i <= n; i++)); do
    is_running "$brick-$i" || { app_launch "$brick" "$i"; started+=("$brick-$i"); }
  done
  for name in "${started[@]}"; do app_await "$name"; done
  [ ${#started[@]} -eq 0 ] || gateway_reload
  [ -n "$at_least" ] && return 0
  for i in $(app_replicas "$brick"); do
    [ "$i" -gt "$n" ] && surplus+=("$brick-$i")
  done
  [ ${#surplus[@]} -eq 0 ] && return 0
  for name in "${surplus[@]}"; do rm -f "$RUN_DIR/$name.serving"; done
  gateway_reload --drain
  for name in "${surplus[@]}"; do app_stop_replica "$name" & pids+=($!); done
  for i in "${pids[@]}"; do wait "$i"; done
  return 0
}

# app_up: the default replicas of every brick (more are kept), started in parallel.
app_up() {
  local b i name started=()
  for b in $APP_BRICKS; do
    for ((i = 1; i <= $(app_default_replicas "$b"); i++)); do
      is_running "$b-$i" || { app_launch "$b" "$i"; started+=("$b-$i"); }
    done
  done
  for name in "${started[@]}"; do app_await "$name"; say "$name ready on port $(app_replica_port "$name")"; done
  # replicas that were running already but never joined (e.g. a failed earlier `up`)
  for b in $APP_BRICKS; do
    for i in $(app_running "$b"); do
      name="$b-$i"
      [ -f "$RUN_DIR/$name.serving" ] || { app_await "$name"; started+=("$name"); }
    done
  done
  [ ${#started[@]} -eq 0 ] || gateway_reload
}

# app_down: every replica of every brick, out of the gateway first, then SIGTERM in parallel.
app_down() {
  local b i pids=() any=""
  for b in $APP_BRICKS; do
    for i in $(app_replicas "$b"); do rm -f "$RUN_DIR/$b-$i.serving"; any=1; done
  done
  [ -n "$any" ] || return 0
  gateway_reload
  for b in $APP_BRICKS; do
    for i in $(app_replicas "$b"); do app_stop_replica "$b-$i" & pids+=($!); done
  done
  for i in "${pids[@]}"; do wait "$i"; done
  return 0
}

app_status_rows() {
  local b i name
  for b in $APP_BRICKS; do
    for i in $(app_replicas "$b"); do
      name="$b-$i"
      status_row "$name" "$(app_replica_port "$name")" "$(read_pid "$name")" "$(app_health "$name")"
    done
  done
}

# --- a replica as a server (servers.sh): the fault commands take catalog-1, cart-2, ... ----------
# app_start NAME...: starts the replicas together, puts them in the gateway once all are ready.
app_start() {
  local name started=()
  for name in "$@"; do
    is_running "$name" || { app_launch "${name%-*}" "${name##*-}"; started+=("$name"); }
  done
  [ ${#started[@]} -gt 0 ] || return 0
  for name in "${started[@]}"; do app_await "$name"; done
  gateway_reload
}
app_stop() { rm -f "$RUN_DIR/$1.serving"; gateway_reload --drain; app_stop_replica "$1"; }
# a killed replica stays listed in the gateway, which stops sending it requests after two
# failed health checks (as when its machine dies); `up` starts it again
app_kill() { kill_bg "$1"; }
