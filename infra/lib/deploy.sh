# Rolling deploys: `./bricks deploy [BRICK...]` brings a new build to every replica of a brick
# with no failed request, one brick after the other. Sourced by ./bricks.
#
# For one brick:
#   1. build it when its sources changed (app_build), and make the release of that build;
#   2. start as many new replicas as run now, on free numbers, from the new release, beside the
#      old ones, and wait until each is ready and answers with the new build's stamp;
#      if one does not, stop the new ones, leave the old build serving and fail;
#   3. put the new replicas in the gateway (graceful reload);
#   4. take the old ones out, wait until the gateway's old workers have finished every
#      connection (so no request reaches an old replica any more), then SIGTERM them (Quarkus
#      finishes the requests in flight; an order replica leaves its consumer group, and the
#      partitions move to the new ones without losing or repeating an order: the drain stores
#      each order exactly once);
#   5. make the new release the brick's current one (new replicas, `scale`, `up` start from it).
# `--from DIR` deploys a packaged build made elsewhere (a quarkus-app directory), or an earlier
# release under var/releases/BRICK/: that is a rollback.

: "${BRICKS_DEPLOY_READY_TIMEOUT:=$BRICKS_READY_TIMEOUT}"

DEPLOY_USAGE="usage: ./bricks deploy [BRICK...] | ./bricks deploy BRICK --from DIR"

cmd_deploy() {
  local b bricks=() from=""
  while [ $# -gt 0 ]; do
    case $1 in
      --from) [ $# -ge 2 ] || usage_error "$DEPLOY_USAGE"; from=$2; shift 2; continue ;;
      -*) usage_error "$DEPLOY_USAGE" ;;
    esac
    app_valid_brick "$1" || usage_error "unknown brick '$1' (one of: $APP_BRICKS)"
    bricks+=("$1"); shift
  done
  # shellcheck disable=SC2206 # the list of bricks
  [ ${#bricks[@]} -gt 0 ] || bricks=($APP_BRICKS)
  if [ -n "$from" ]; then
    [ ${#bricks[@]} -eq 1 ] || usage_error "--from deploys one brick: $DEPLOY_USAGE"
    [ -f "$from/quarkus-run.jar" ] || die "$from is not a packaged build (no quarkus-run.jar)"
    from=$(cd "$from" && pwd)
  fi
  [ -n "$(gateway_any)" ] || die "the gateway is not running: start the shop with './bricks up' first"
  need_base_tools
  # one Maven run for every brick whose sources changed, before the first replica moves
  [ -n "$from" ] || app_build "${bricks[@]}"
  for b in "${bricks[@]}"; do deploy_brick "$b" "$from"; done
}

# deploy_brick BRICK [DIR]: steps 2-5 above, for the packaged build in DIR (default: the brick's
# target/quarkus-app).
deploy_brick() {
  local brick=$1 rel stamp cur old=() new=() i name n t0=$SECONDS
  rel=$(app_release_make "$brick" "${2:-}")
  stamp=$(app_release_stamp "$rel")
  cur=$(app_release_current "$brick")
  for i in $(app_running "$brick"); do old+=("$brick-$i"); done
  if [ "$cur" = "$rel" ] && [ ${#old[@]} -gt 0 ] && deploy_all_on "$rel" "${old[@]}"; then
    say "$brick: all ${#old[@]} replicas run build $stamp already"
    return 0
  fi
  n=${#old[@]}
  [ "$n" -gt 0 ] || n=$(app_default_replicas "$brick")
  say "$brick: deploying build $stamp to $n replica(s)${cur:+ (now $(app_release_stamp "$cur"))}"
  # whatever stops this deploy before the switch (a failed start, Ctrl-C) removes the new replicas
  trap 'deploy_remove_new' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  for i in $(app_free_indices "$brick" "$n"); do
    DEPLOY_NEW+=("$brick-$i")
    app_launch "$brick" "$i" "$rel"
    new+=("$brick-$i")
  done
  for name in "${new[@]}"; do
    deploy_await "$name" "$stamp" \
      || die "deploy of $brick stopped: $DEPLOY_FAILURE; the new replicas were removed and build $([ -n "$cur" ] && app_release_stamp "$cur" || echo '(none)') still serves"
  done
  for name in "${new[@]}"; do touch "$RUN_DIR/$name.serving"; done
  DEPLOY_NEW=()
  trap - EXIT INT TERM
  gateway_reload
  say "$brick: ${new[*]} ready and in the gateway ($((SECONDS - t0)) s)"
  if [ ${#old[@]} -gt 0 ]; then
    for name in "${old[@]}"; do rm -f "$RUN_DIR/$name.serving"; done
    gateway_reload --drain
    say "$brick: ${old[*]} out of the gateway, its connections finished ($((SECONDS - t0)) s)"
    for name in "${old[@]}"; do deploy_retire "$name" & done
    wait
    say "$brick: ${old[*]} stopped ($((SECONDS - t0)) s)"
  fi
  app_release_set_current "$brick" "$rel"
  app_release_prune "$brick"
  say "$brick: every replica runs build $stamp"
}

# deploy_retire NAME: stops an old replica. The one that records its release's class-data
# archive would write it at exit (20-30 s of CPU on a busy machine) for a release that is being
# retired: once Quarkus has shut down gracefully, it is killed instead of dumping.
deploy_retire() {
  local name=$1 rel pid log mark i
  rel=$(app_replica_release "$name")
  if [ -n "$rel" ] && [ "$(cat "$rel/cds.recorder" 2>/dev/null)" = "$name" ] && is_running "$name"; then
    pid=$(read_pid "$name"); log=$(log_file "$name"); mark=$(( $(wc -l < "$log") + 1 ))
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 250; i++)); do
      pid_alive "$pid" || break
      if tail -n "+$mark" "$log" | grep -q "stopped in"; then kill -KILL -- "-$pid" 2>/dev/null || true; break; fi
      sleep 0.1
    done
    rm -f "$rel/app.jsa.$name" "$rel/cds.recorder"
  fi
  app_stop_replica "$name"
}

# deploy_all_on RELEASE NAME...: every named replica runs from RELEASE.
deploy_all_on() {
  local rel=$1 name; shift
  for name in "$@"; do [ "$(app_replica_release "$name")" = "$rel" ] || return 1; done
}

# deploy_await NAME STAMP: the new replica becomes ready and answers with the new build. Its
# output names the reason when it does not (status 1).
DEPLOY_FAILURE=""
deploy_await() {
  local name=$1 stamp=$2 port i answered
  port=$(app_replica_port "$name")
  for ((i = 0; i < BRICKS_DEPLOY_READY_TIMEOUT * 5; i++)); do
    if app_ready "$port"; then
      answered=$(app_answered_build "$port")
      [ "$answered" = "$stamp" ] && return 0
      DEPLOY_FAILURE="$name answers build '$answered', not $stamp"
      return 1
    fi
    if ! is_running "$name"; then
      log_tail "$name"
      DEPLOY_FAILURE="$name exited during start-up (see $(log_file "$name"))"
      return 1
    fi
    sleep 0.2
  done
  log_tail "$name"
  DEPLOY_FAILURE="$name was not ready within ${BRICKS_DEPLOY_READY_TIMEOUT}s (see $(log_file "$name"))"
  return 1
}

# deploy_remove_new: stops the new replicas of a deploy that did not get to the switch (they were
# never in the gateway); the old build goes on serving.
DEPLOY_NEW=()
deploy_remove_new() {
  local rc=$? name
  trap - EXIT INT TERM
  for name in "${DEPLOY_NEW[@]}"; do
    stop_bg "$name" 10
    rm -f "$RUN_DIR/$name.serving" "$RUN_DIR/$name.port" "$RUN_DIR/$name.release"
  done
  exit "$rc"
}
