# The servers of the stack as one list. Every server runs as instances of a kind, and every
# kind's file (etcd.sh, postgres.sh, redis.sh, kafka.sh, gateway.sh, prometheus.sh,
# zipkin.sh for zipkin and otlp) defines the same verbs:
#
#   KIND_names             its instances
#   KIND_port NAME         the port its clients use
#   KIND_start NAME        starts it and waits until it answers (nothing when it runs already)
#   KIND_stop NAME         graceful stop;  KIND_kill NAME: SIGKILL, for fault drills
#   KIND_ready NAME        it answers
#   KIND_role NAME         its role now (primary, leader, controller, ...), or -
#   KIND_up / KIND_down    every instance, in the order the kind needs
#
# Fault commands also take a role, resolved at the moment of the call (server_resolve), and
# the replicas of the bricks (catalog-1, ...; apps.sh). Sourced by ./bricks.

SERVER_KINDS="etcd pg redis sentinel kafka gateway prometheus zipkin otlp"   # the order of `status`

# shellcheck source=prometheus.sh
. "$BRICKS_ROOT/infra/lib/prometheus.sh"
# shellcheck source=zipkin.sh
. "$BRICKS_ROOT/infra/lib/zipkin.sh"

# server_kind NAME: the kind of an instance name (status 1 for anything else).
server_kind() {
  local kind
  case $1 in
    pg[0-9]*) kind=pg ;;
    *-[0-9]*) kind=${1%-*} ;;
    *) return 1 ;;
  esac
  if [ "$kind" != pg ] && app_valid_brick "$kind"; then echo app; return 0; fi
  case " $SERVER_KINDS " in *" $kind "*) ;; *) return 1 ;; esac
  case " $("${kind}_names") " in *" $1 "*) echo "$kind" ;; *) return 1 ;; esac
}

# server_resolve WORD: the instance a name or role means now. Roles: redis-primary (or redis),
# kafka-controller (or kafka), etcd-leader (or etcd), pg-primary, gateway (a live one), prometheus,
# zipkin, otlp, and a brick's name: its live replica with the lowest number (numbers change with deploys).
server_resolve() {
  local found=""
  case $1 in
    redis|redis-primary) found=$(redis_primary) || found="" ;;
    kafka|kafka-controller) found=$(kafka_controller) || found="" ;;
    etcd|etcd-leader) found=$(etcd_leader) || found="" ;;
    pg-primary) found=$(pg_primary_name) || found="" ;;
    gateway) found=$(gateway_any) || found="" ;;
    prometheus) is_running prometheus-1 && found=prometheus-1 ;;
    zipkin) is_running zipkin-1 && found=zipkin-1 ;;
    otlp) is_running otlp-1 && found=otlp-1 ;;
    catalog|cart|customer|order) found=$(app_first "$1") || found="" ;;
    *) server_kind "$1" >/dev/null || usage_error "unknown server or role '$1' (names: $(servers_all) or a brick replica like cart-1; roles: redis-primary kafka-controller etcd-leader pg-primary gateway prometheus zipkin otlp catalog cart customer order)"
       echo "$1"; return 0 ;;
  esac
  [ -n "$found" ] || die "no server has the role '$1' now"
  echo "$found"
}

servers_all() { local k; for k in $SERVER_KINDS; do "${k}_names"; done | tr '\n' ' '; }

server_health() {
  local kind; kind=$(server_kind "$1")
  if ! is_running "$1"; then echo stopped
  elif "${kind}_ready" "$1" >/dev/null 2>&1; then echo up
  else echo down
  fi
}

server_status_rows() {
  local kind n
  for kind in $SERVER_KINDS; do
    for n in $("${kind}_names"); do
      status_row "$n" "$("${kind}_port" "$n")" "$(read_pid "$n")" "$(server_health "$n")" "$("${kind}_role" "$n")"
    done
  done
}

# servers_any_running: some instance of the stack has a live process.
servers_any_running() {
  local n; for n in $(servers_all); do is_running "$n" && return 0; done; return 1
}

# server_do ACTION WORD...: start|stop|kill each named instance or role. A kind's plain name
# (redis, kafka, etcd, gateway, pg) given to start brings up every missing instance of it; a
# brick's name given to start, its default number of replicas.
# stop and kill print the instance they hit, one a line.
server_do() {
  local action=$1 word name kind apps=(); shift
  [ $# -gt 0 ] || usage_error "infra $action needs a NAME or ROLE"
  for word in "$@"; do
    if [ "$action" = start ]; then
      case $word in
        redis|redis-primary) redis_up; continue ;;
        kafka|kafka-controller) kafka_up; continue ;;
        etcd|etcd-leader) etcd_up; continue ;;
        gateway) gateway_up; continue ;;
        prometheus) prometheus_up; continue ;;
        zipkin) zipkin_up; continue ;;
        otlp) otlp_up; continue ;;
        pg|pg-primary) pg_up; continue ;;
        catalog|cart|customer|order) app_scale "$word" "$(app_default_replicas "$word")" --at-least; continue ;;
      esac
    fi
    name=$(server_resolve "$word")
    kind=$(server_kind "$name")
    # brick replicas start together (a Quarkus start is mostly waiting) and join the gateway at once
    if [ "$action" = start ] && [ "$kind" = app ]; then apps+=("$name"); continue; fi
    "${kind}_$action" "$name"
    [ "$action" = start ] || echo "$name"
  done
  [ ${#apps[@]} -gt 0 ] && app_start "${apps[@]}"
  return 0
}
