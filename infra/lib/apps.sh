# The bricks' Quarkus applications: building them, and running N replicas of each as plain
# java processes (catalog-1 on BRICKS_CATALOG_BASE_PORT+1, catalog-2 on +2, ...). The numbers
# are names, not ranks: a deploy starts the new build's replicas on free numbers beside the old
# ones (deploy.sh), so after it catalog-3 and catalog-4 may be the two that run.
# A replica is "in rotation" (listed in the gateway) when it has var/run/NAME.serving: that file
# is written once the replica is ready and removed before it is stopped.
#
# Replicas never run from BRICK-service/target: each runs from a release, an unchanging copy of
# one packaged build in var/releases/BRICK/ID (ID from the build stamp, see app_build_stamp), so
# a rebuild never changes the files under a running JVM. var/releases/BRICK/current names the
# release that new replicas of the brick start from; var/run/NAME.release the one each runs.
# Sourced by ./bricks.

APP_BRICKS="catalog cart customer order"
: "${BRICKS_READY_TIMEOUT:=120}"
: "${JAVA_OPTS:=-Xms64m -Xmx320m}"

: "${BRICKS_RELEASES_KEPT:=3}"
RELEASES_DIR="$VAR_DIR/releases"
# highest replica number: catalog-N listens on BRICKS_CATALOG_BASE_PORT+N, below the next base
APP_MAX_INDEX=89

app_valid_brick() { case " $APP_BRICKS " in *" $1 "*) return 0 ;; esac; return 1; }
app_module() { echo "$1-service"; }
# the packaged build in the source tree (what the next release is made from)
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

# app_first BRICK: the live replica with the lowest number (status 1 when none runs).
app_first() { local i; i=$(app_running "$1" | head -n 1); [ -n "$i" ] && echo "$1-$i"; }

# app_free_indices BRICK N: N replica numbers that no replica of BRICK uses (running or with a
# pid file left by a killed one) and whose port is free (8404 is a gateway's statistics port by
# default, so order-4 is skipped), lowest first.
app_free_indices() {
  local brick=$1 n=$2 i used base; used=" $(app_replicas "$brick" | tr '\n' ' ') "
  base=$(app_base_port "$brick")
  for ((i = 1; i <= APP_MAX_INDEX && n > 0; i++)); do
    case $used in *" $i "*) continue ;; esac
    case " $BRICKS_GATEWAY_PORT $BRICKS_GATEWAY_STATS_PORTS " in *" $((base + i)) "*) continue ;; esac
    port_in_use $((base + i)) && continue
    echo "$i"; n=$((n - 1))
  done
  [ "$n" -eq 0 ] || die "$brick has no free replica numbers left (1..$APP_MAX_INDEX)"
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
  # traces go to the OTLP receiver in front of Zipkin (zipkin.sh); set empty, nothing is exported
  export_line BRICKS_OTLP_ENDPOINT "${BRICKS_OTLP_ENDPOINT-$(otlp_endpoint)}"
  export_line BRICKS_TRACES_SAMPLING "$BRICKS_TRACES_SAMPLING"
  export_line BRICKS_LOG_JSON "${BRICKS_LOG_JSON:-false}"
  # the catalog runs one event loop per core (its application.properties)
  export_line BRICKS_EVENT_LOOPS "${BRICKS_EVENT_LOOPS:-$(nproc)}"
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

# app_build [--missing-only] BRICK...: builds the given bricks that are out of date. The build
# stamp of each is written afresh (git-commit-id-maven-plugin keeps the old build time when
# only the sources changed), so every build gets its own X-Bricks-Build.
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
  for b in $(echo "$modules" | tr ',' ' '); do rm -f "$BRICKS_ROOT/$b/target/classes/META-INF/bricks-build.properties"; done
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
# Releases
# ---------------------------------------------------------------------------------------------

# app_dir_stamp DIR: the stamp of the packaged build in DIR (a quarkus-app directory), read from
# its application jar: COMMIT[-dirty]@BUILD-TIME, exactly as its replicas will answer in
# X-Bricks-Build (the same two keys, see contracts.build.BuildHeaders).
app_dir_stamp() {
  local jar tmp f described="" built=""
  jar=$(find "$1/app" -maxdepth 1 -name '*.jar' 2>/dev/null | head -n 1)
  if [ -n "$jar" ]; then
    need_cmd jar openjdk-17-jdk-headless
    tmp=$(mktemp -d)
    (cd "$tmp" && jar xf "$jar" META-INF/bricks-build.properties) 2>/dev/null || true
    f="$tmp/META-INF/bricks-build.properties"
    if [ -f "$f" ]; then
      described=$(sed -n 's/^git\.commit\.id\.describe=//p' "$f" | sed 's/\\//g')
      built=$(sed -n 's/^git\.build\.time=//p' "$f" | sed 's/\\//g')
    fi
    rm -rf "$tmp"
  fi
  echo "${described:-unknown}@${built:-unknown}"
}
app_packaged_dir() { echo "$BRICKS_ROOT/$(app_module "$1")/target/quarkus-app"; }

app_release_dir() { echo "$RELEASES_DIR/$1"; }
# app_release_current BRICK: the release new replicas start from (empty when none yet).
app_release_current() {
  local link; link="$(app_release_dir "$1")/current"
  [ -L "$link" ] && [ -d "$link" ] && readlink -f "$link"
  return 0
}
app_release_set_current() { ln -sfn "$2" "$(app_release_dir "$1")/current"; }
# app_release_stamp DIR: the build stamp of a release.
app_release_stamp() { cat "$1/build" 2>/dev/null || echo unknown; }
# app_replica_release NAME: the release a replica was started from.
app_replica_release() { cat "$RUN_DIR/$1.release" 2>/dev/null || true; }

# app_release_make BRICK [DIR]: the release of the packaged build in DIR (default: the brick's
# target/quarkus-app), made once: a copy of it and its stamp; prints its directory.
app_release_make() {
  local brick=$1 src=${2:-} stamp id dir tmp
  [ -n "$src" ] || src=$(app_packaged_dir "$brick")
  [ -f "$src/quarkus-run.jar" ] || die "$src/quarkus-run.jar is missing: build $brick with './bricks up' or './bricks deploy $brick'"
  stamp=$(app_dir_stamp "$src")
  id=$(echo "$stamp" | tr -c 'A-Za-z0-9.\n-' '_')
  dir="$(app_release_dir "$brick")/$id"
  if [ ! -f "$dir/build" ]; then
    tmp="$dir.tmp.$$"
    rm -rf "$tmp"; mkdir -p "$tmp"
    cp -a "$src/." "$tmp/"
    # a release copied from another one starts without that one's class-data archive
    rm -f "$tmp"/app.jsa* "$tmp/cds.recorder"
    echo "$stamp" > "$tmp/build"
    rm -rf "$dir"; mv "$tmp" "$dir"
  fi
  echo "$dir"
}

# app_release_for_start BRICK: the release a new replica of BRICK starts from. While a replica of
# the brick runs, its current release (clones run the same code; a newer build waits for
# `deploy`); when none runs, its newest packaged build, which becomes the current release.
app_release_for_start() {
  local cur; cur=$(app_release_current "$1")
  if [ -z "$cur" ] || { [ -z "$(app_running "$1")" ] && [ -f "$(app_jar "$1")" ]; }; then
    cur=$(app_release_make "$1")
    app_release_set_current "$1" "$cur"
    app_release_prune "$1"
  fi
  echo "$cur"
}

# app_release_prune BRICK: drops old releases no replica runs, keeping the newest few.
app_release_prune() {
  local brick=$1 dir keep=() in_use n=0 cur name
  cur=$(app_release_current "$brick")
  for name in $(app_replicas "$brick"); do keep+=("$(app_replica_release "$brick-$name")"); done
  # newest first
  while read -r dir; do
    [ -n "$dir" ] || continue
    n=$((n + 1))
    in_use=""
    [ "$dir" = "$cur" ] && in_use=1
    case " ${keep[*]} " in *" $dir "*) in_use=1 ;; esac
    [ -n "$in_use" ] || [ "$n" -le "$BRICKS_RELEASES_KEPT" ] || rm -rf "$dir"
  done < <(find "$(app_release_dir "$brick")" -mindepth 1 -maxdepth 1 -type d ! -name '*.tmp.*' -printf '%T@ %p\n' \
             | sort -rn | cut -d' ' -f2-)
}

# ---------------------------------------------------------------------------------------------
# Replicas
# ---------------------------------------------------------------------------------------------

app_ready() { [ "$(http_status "http://127.0.0.1:$1/q/health/ready")" = 200 ]; }
app_live() { [ "$(http_status "http://127.0.0.1:$1/q/health/live")" = 200 ]; }

# app_answered_build PORT: the X-Bricks-Build a replica answers with now (empty when it does not answer).
app_answered_build() {
  curl -s -m 2 -o /dev/null -D - "http://127.0.0.1:$1/q/health/live" 2>/dev/null \
    | sed -n 's/^[Xx]-[Bb]ricks-[Bb]uild: *//p' | tr -d '\r'
}

app_health() {
  local name=$1 port; port=$(app_replica_port "$name")
  if ! is_running "$name"; then echo "stopped (stale pid file)"
  elif app_ready "$port"; then echo ready
  elif app_live "$port"; then echo live
  else echo down
  fi
}

# app_launch BRICK INDEX [RELEASE]: starts one replica in the background (does not wait), from
# RELEASE (a directory of var/releases) or else the brick's current release.
app_launch() {
  local brick=$1 i=$2 rel=${3:-} name port jar cds
  name="$brick-$i"; port=$(( $(app_base_port "$brick") + i ))
  [ -n "$rel" ] || rel=$(app_release_for_start "$brick")
  jar="$rel/quarkus-run.jar"
  [ -f "$jar" ] || die "$jar is missing"
  require_free_port "$port" "$name"
  app_env_cached
  rm -f "$RUN_DIR/$name.serving"
  echo "$port" > "$RUN_DIR/$name.port"
  echo "$rel" > "$RUN_DIR/$name.release"
  echo "=== $(date -Is) starting $name on port $port, build $(app_release_stamp "$rel")" >> "$(log_file "$name")"
  (
    eval "$_app_env"
    export BRICKS_HTTP_PORT=$port BRICKS_REPLICA=$name
    cds=$(app_cds_opts "$rel" "$name")
    # shellcheck disable=SC2086 # JAVA_OPTS and the CDS options are lists of options
    start_bg "$name" java $JAVA_OPTS $cds \
      -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" -jar "$jar"
  )
}

# app_cds_opts RELEASE NAME: class-data sharing for a replica, as for Kafka (kafka_cds_opts). The
# first replica of a release records the classes it loaded when it stops cleanly (one recorder
# per release: the dump costs CPU at exit); later replicas of that release map the archive and
# start with about 40 % less CPU (cart: 8 -> 5 CPU s, ready in 7.1 -> 4.2 s), which counts when
# eight replicas start at once on two cores.
app_cds_opts() {
  local rel=$1 name=$2 jsa java recorder
  jsa="$rel/app.jsa"
  java=$(java -version 2>&1 | head -n 2 | tr '\n' ' ')
  if [ -f "$jsa" ] && [ "$(cat "$jsa.java" 2>/dev/null)" = "$java" ]; then
    echo "-XX:SharedArchiveFile=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
    return 0
  fi
  recorder=$(cat "$rel/cds.recorder" 2>/dev/null || true)
  if [ -z "$recorder" ] || ! is_running "$recorder"; then
    rm -f "$jsa"
    echo "$java" > "$jsa.java"
    echo "$name" > "$rel/cds.recorder"
    echo "-XX:ArchiveClassesAtExit=$jsa.$name -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}

# app_cds_keep NAME: after a clean stop, the archive the replica wrote becomes its release's.
app_cds_keep() {
  local rel jsa; rel=$(app_replica_release "$1")
  [ -n "$rel" ] || return 0
  jsa="$rel/app.jsa"
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
  rm -f "$RUN_DIR/$1.serving" "$RUN_DIR/$1.port" "$RUN_DIR/$1.release"
  prometheus_targets_refresh
}

# app_scale BRICK N [--at-least]: runs N replicas of BRICK, all from its current release. Missing
# ones start on free numbers (a killed replica's number first) and join the gateway once they are
# ready; surplus replicas (the highest numbers) leave the gateway (graceful reload, old
# connections finish) before they get SIGTERM. With --at-least, surplus replicas are kept.
app_scale() {
  local brick=$1 n=$2 at_least=${3:-} i name running started=() surplus=() pids=()
  app_valid_brick "$brick" || die "unknown brick '$brick' (one of: $APP_BRICKS)"
  case $n in ''|*[!0-9]*) die "the replica count must be a number, not '$n'" ;; esac
  running=$(app_running "$brick" | wc -l)
  if [ "$running" -lt "$n" ]; then
    for i in $(app_restart_indices "$brick" $((n - running))); do
      app_launch "$brick" "$i"; started+=("$brick-$i")
    done
  fi
  for name in "${started[@]}"; do app_await "$name"; done
  [ ${#started[@]} -eq 0 ] || gateway_reload
  [ -n "$at_least" ] && return 0
  for i in $(app_running "$brick" | tail -n +$((n + 1))); do surplus+=("$brick-$i"); done
  [ ${#surplus[@]} -eq 0 ] && return 0
  for name in "${surplus[@]}"; do rm -f "$RUN_DIR/$name.serving"; done
  gateway_reload --drain
  for name in "${surplus[@]}"; do app_stop_replica "$name" & pids+=($!); done
  for i in "${pids[@]}"; do wait "$i"; done
  return 0
}

# app_restart_indices BRICK N: numbers for N new replicas: those of killed replicas (a pid file
# and no process) first, then free ones.
app_restart_indices() {
  local brick=$1 n=$2 i dead=()
  for i in $(app_replicas "$brick"); do is_running "$brick-$i" || dead+=("$i"); done
  for i in "${dead[@]}"; do [ "$n" -gt 0 ] || break; echo "$i"; n=$((n - 1)); done
  [ "$n" -gt 0 ] && app_free_indices "$brick" "$n"
  return 0
}

# app_up: the default number of replicas of every brick (more are kept), started in parallel.
app_up() {
  local b i n name started=()
  for b in $APP_BRICKS; do
    n=$(( $(app_default_replicas "$b") - $(app_running "$b" | wc -l) ))
    [ "$n" -gt 0 ] || continue
    for i in $(app_restart_indices "$b" "$n"); do app_launch "$b" "$i"; started+=("$b-$i"); done
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

# app_status_rows: one row per replica, its build in the last column (what it answers in
# X-Bricks-Build; the build of its release when it does not answer), then a warning for each
# brick whose live replicas run different builds.
app_status_rows() {
  local b i name build builds
  for b in $APP_BRICKS; do
    builds=""
    for i in $(app_replicas "$b"); do
      name="$b-$i"
      build=""
      is_running "$name" && build=$(app_answered_build "$(app_replica_port "$name")")
      if [ -n "$build" ]; then
        case " $builds " in *" $build "*) ;; *) builds="$builds $build" ;; esac
      else
        build="$(app_release_stamp "$(app_replica_release "$name")") (release)"
      fi
      status_row "$name" "$(app_replica_port "$name")" "$(read_pid "$name")" "$(app_health "$name")" "$build"
    done
    name=$(dev_name "$b")
    if is_running "$name"; then
      status_row "$name" "$(dev_port "$b")" "$(read_pid "$name")" "$(app_health "$name")" \
        "dev mode$(dev_only "$b" && echo ", alone in rotation")"
    fi
    # shellcheck disable=SC2086 # a list of stamps
    [ "$(set -- $builds; echo $#)" -le 1 ] || warn "the replicas of $b run different builds:$builds (./bricks deploy $b)"
  done
  return 0
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
