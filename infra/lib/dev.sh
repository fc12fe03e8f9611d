# ./bricks dev BRICK: the brick in Quarkus dev mode (live reload, Dev UI, continuous testing, a
# debug port), wired to the shop that `./bricks up` runs: the same environment as a replica, its
# own port (the brick's base port + DEV_INDEX, above every replica number) and, once ready, a place
# in both gateways' rotation as BRICK-dev. With --only the packaged replicas become the gateway's
# backup servers for that brick: every request goes to the code being edited while it answers, and
# to them while it restarts or after it stopped. When it stops (Ctrl-C, or SIGTERM to this
# command), it leaves the rotation first; the rest of the shop stays as it was. Sourced by ./bricks.

DEV_INDEX=90

# dev_name BRICK, and the files that put a dev instance in the gateway (gateway_render reads them)
dev_name() { echo "$1-dev"; }
dev_serving() { [ -f "$RUN_DIR/$(dev_name "$1").serving" ] && is_running "$(dev_name "$1")"; }
dev_only() { dev_serving "$1" && [ -f "$RUN_DIR/$(dev_name "$1").only" ]; }
dev_port() { echo $(( $(app_base_port "$1") + DEV_INDEX )); }

cmd_dev() {
  local brick="" only="" debug="" arg
  while [ $# -gt 0 ]; do
    arg=$1; shift
    case $arg in
      --only) only=1 ;;
      --debug) [ $# -gt 0 ] || usage_error "--debug needs a port"; debug=$1; shift ;;
      --no-debug) debug=false ;;
      -*) usage_error "unknown option '$arg' of dev" ;;
      *) [ -z "$brick" ] || usage_error "dev takes one brick"; brick=$arg ;;
    esac
  done
  [ -n "$brick" ] || usage_error "usage: ./bricks dev BRICK [--only] [--debug PORT|--no-debug]"
  app_valid_brick "$brick" || usage_error "unknown brick '$brick' (one of: $APP_BRICKS)"
  [ -n "$(gateway_any)" ] || die "the shop is not running: start it with './bricks up' first"
  local name port module
  name=$(dev_name "$brick"); port=$(dev_port "$brick"); module=$(app_module "$brick")
  is_running "$name" && die "$name already runs (pid $(read_pid "$name"))"
  require_free_port "$port" "$name"
  : "${debug:=$(( 5005 + $(echo "$APP_BRICKS" | tr ' ' '\n' | grep -n "^$brick$" | cut -d: -f1) - 1 ))}"

  # Maven resolves the brick alone only once its parent POM and shared-contracts are installed;
  # in dev mode Quarkus then takes shared-contracts from the workspace and reloads its changes too.
  say "installing the parent POM and shared-contracts into the local Maven repository (log: $LOG_DIR/dev-install.log)"
  ./mvnw -B -q install -pl shared-contracts -am -DskipTests >"$LOG_DIR/dev-install.log" 2>&1 \
    || { tail -n 30 "$LOG_DIR/dev-install.log" >&2; die "installing shared-contracts failed"; }

  app_env_cached
  rm -f "$RUN_DIR/$name.serving" "$RUN_DIR/$name.only"
  echo "$port" > "$RUN_DIR/$name.port"
  [ -z "$only" ] || touch "$RUN_DIR/$name.only"
  # the terminal's input stays with Quarkus (its console: r runs the tests, s restarts, q quits)
  exec 3<&0
  local console=true
  [ -t 0 ] || console=false   # no terminal (a script, a test): no interactive console
  (
    # shellcheck disable=SC2154 # set by app_env_cached (apps.sh)
    eval "$_app_env"
    export BRICKS_HTTP_PORT=$port BRICKS_REPLICA=$name
    # a stopping dev instance reports DOWN for 3 s while it still answers, so the gateways
    # (health check every second, two failures) move its requests elsewhere before it closes;
    # continuous testing runs the unit tests (the *IT classes need the servers: ./bricks test -pl)
    exec ./mvnw -B -f "$module/pom.xml" quarkus:dev -Ddebug="$debug" \
      -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
      -Dquarkus.shutdown.delay-enabled=true -Dquarkus.shutdown.delay=3s \
      -Dquarkus.test.exclude-pattern='.*IT' -Dquarkus.console.enabled="$console" \
      -Dquarkus.analytics.disabled=true <&3
  ) &
  echo $! > "$(pid_file "$name")"
  trap 'dev_stop '"$brick"'; exit 130' INT
  trap 'dev_stop '"$brick"'; exit 143' TERM
  dev_await "$brick" &
  local waiter=$! rc=0
  wait "$(read_pid "$name")" || rc=$?
  kill "$waiter" 2>/dev/null || true
  dev_stop "$brick"
  exit "$rc"
}

# dev_await BRICK: once the dev instance is ready, puts it in the gateways' rotation.
dev_await() {
  local brick=$1 name port i; name=$(dev_name "$1"); port=$(dev_port "$1")
  # the first start compiles the brick: give it time
  for ((i = 0; i < 600 * 5; i++)); do
    is_running "$name" || return 0
    if app_ready "$port"; then
      touch "$RUN_DIR/$name.serving"
      gateway_reload
      say "$name is in the gateway's rotation$([ -f "$RUN_DIR/$name.only" ] && echo ", alone (the packaged replicas are its backups)")"
      say "  through the gateway: $(gateway_url)   direct: http://127.0.0.1:$port   Dev UI: http://127.0.0.1:$port/q/dev-ui"
      return 0
    fi
    sleep 0.2
  done
  warn "$name did not get ready within 600 s; it stays out of the gateway"
}

# dev_stop BRICK: out of the rotation (old gateway workers drained), then the dev instance stops.
dev_stop() {
  local name; name=$(dev_name "$1")
  trap - INT TERM
  if [ -f "$RUN_DIR/$name.serving" ]; then
    rm -f "$RUN_DIR/$name.serving"
    gateway_reload --drain
    say "$name left the gateway's rotation"
  fi
  rm -f "$RUN_DIR/$name.only"
  stop_bg "$name" 30
  rm -f "$RUN_DIR/$name.port"
}
