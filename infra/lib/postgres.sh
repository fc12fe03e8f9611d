# Customer database cluster: PostgreSQL 15, three Patroni nodes (pg1 pg2 pg3) on three etcd members.
# Sourced by ./bricks after common.sh; defines functions only.
#
# Public functions (names are the launcher's contract):
#   pg_cluster_start      idempotent: etcd (etcd.sh) + 3 nodes, waits for 1 primary + 2 streaming standbys
#                         (one synchronous), then creates roles/databases customers and orders
#   pg_cluster_stop       standbys, then the primary, then etcd; harmless when nothing runs
#   pg_cluster_purge      stop + delete all cluster data (etcd included)
#   pg_node_start NAME    start one node (and etcd if needed), waits for its REST API
#   pg_node_stop NAME     graceful stop of one node (Patroni + its PostgreSQL)
#   pg_node_kill NAME     SIGKILL of the node's Patroni process group and all its PostgreSQL processes
#   pg_primary_name       prints the name of the current primary (status 1 when there is none)
#   pg_kill_primary       hard-kills the current primary, prints its name
#   pg_failover_report    kill the primary, time until writes succeed again, rejoin it
#   pg_env                export lines with hosts, JDBC URLs and credentials for the services
#
# Environment read (besides common.sh's ports and BRICKS_VAR):
#   BRICKS_CUSTOMERS_DB_PASSWORD (customers), BRICKS_ORDERS_DB_PASSWORD (orders)
#   BRICKS_PG_SUPERUSER_PASSWORD (bricks-postgres), BRICKS_PG_REPLICATION_PASSWORD (bricks-replicator)
#     The superuser/replication passwords are baked in when the cluster is first initialized:
#     changing them later needs pg_cluster_purge. App-role passwords are re-applied on each start.
#   BRICKS_PATRONI_TTL (9), BRICKS_PATRONI_RETRY_TIMEOUT (4): failover timing, see _pg_ttl
#     (ttl 9: the leader key expires 9 s after a kill, promotion takes ~0.3 s, so writes are back
#     in ~9.5 s, inside the 10 s target; ttl 10 measured 10.0-10.5 s)
#   BRICKS_PG_START_TIMEOUT (120 s), BRICKS_QUIET (no progress messages when non-empty)
#
# Processes: etcd as root; Patroni as user postgres (via setpriv, which execs, so the recorded
# PID is Patroni itself). Patroni starts PostgreSQL in a session of its own (and every
# PostgreSQL child calls setsid), so stopping or killing a node also deals with the postmaster
# and its children explicitly, found through the data directory's postmaster.pid.

# shellcheck source=etcd.sh
. "$BRICKS_ROOT/infra/lib/etcd.sh"

PG_BIN_DIR=/usr/lib/postgresql/15/bin
PG_SCOPE=bricks-customers
PG_NODES="pg1 pg2 pg3"


_pg_super_pw() { printf '%s' "${BRICKS_PG_SUPERUSER_PASSWORD:-bricks-postgres}"; }
_pg_repl_pw()  { printf '%s' "${BRICKS_PG_REPLICATION_PASSWORD:-bricks-replicator}"; }
_pg_customers_pw() { printf '%s' "${BRICKS_CUSTOMERS_DB_PASSWORD:-customers}"; }
_pg_orders_pw()    { printf '%s' "${BRICKS_ORDERS_DB_PASSWORD:-orders}"; }

# Failover timing (cluster-wide, kept in etcd). Writes resume about ttl + 0.5 s after the
# primary dies; Patroni needs loop_wait (1) + 2 * retry_timeout <= ttl.
_pg_ttl() { printf '%s' "${BRICKS_PATRONI_TTL:-9}"; }
_pg_retry_timeout() { printf '%s' "${BRICKS_PATRONI_RETRY_TIMEOUT:-4}"; }
_pg_check_timing() {
  local ttl retry; ttl=$(_pg_ttl); retry=$(_pg_retry_timeout)
  [[ $ttl =~ ^[0-9]+$ && $retry =~ ^[0-9]+$ ]] && ((1 + 2 * retry <= ttl)) \
    || die "BRICKS_PATRONI_TTL=$ttl / BRICKS_PATRONI_RETRY_TIMEOUT=$retry: need integers with 1 + 2*retry_timeout <= ttl"
}

_pg_index() {
  case $1 in
    pg1) echo 1 ;; pg2) echo 2 ;; pg3) echo 3 ;;
    *) die "unknown PostgreSQL node '$1' (expected pg1, pg2 or pg3)" ;;
  esac
}
_pg_port()      { nth "$BRICKS_PG_PORTS" "$(_pg_index "$1")"; }
_pg_rest_port() { nth "$BRICKS_PATRONI_PORTS" "$(_pg_index "$1")"; }
_pg_name_of_port() {
  local n; for n in $PG_NODES; do [ "$(_pg_port "$n")" = "$1" ] && { echo "$n"; return 0; }; done
  echo "port $1"
}
_pg_ports_csv() { local -a p; read -r -a p <<<"$BRICKS_PG_PORTS"; (IFS=,; echo "${p[*]}"); }

_pg_check_ports() {
  local -a pg rest; read -r -a pg <<<"$BRICKS_PG_PORTS"; read -r -a rest <<<"$BRICKS_PATRONI_PORTS"
  [ "${#pg[@]}" = 3 ] || die "BRICKS_PG_PORTS must list 3 ports, got '$BRICKS_PG_PORTS'"
  [ "${#rest[@]}" = 3 ] || die "BRICKS_PATRONI_PORTS must list 3 ports, got '$BRICKS_PATRONI_PORTS'"
}

# --- where the data lives --------------------------------------------------------------------
# PostgreSQL runs as `postgres`, which must be able to traverse every directory above its data.
# Normally that is $DATA_DIR/pg. A clone inside a directory postgres cannot enter (e.g. a 0700
# mktemp dir or /root) falls back to /var/tmp/bricks-pg-<sha1 of $DATA_DIR, 12 hex>: one stable
# directory per checkout/BRICKS_VAR, removed again by pg_cluster_purge.
_pg_fallback_base() { echo "/var/tmp/bricks-pg-$(printf '%s' "$DATA_DIR" | sha1sum | cut -c1-12)"; }

# _pg_locate: sets PG_BASE (cached per DATA_DIR).
_pg_locate() {
  [ -n "${PG_BASE:-}" ] && [ "${_PG_BASE_FOR:-}" = "$DATA_DIR" ] && return 0
  if [ "$(id -u)" != 0 ] || runuser -u postgres -- test -x "$DATA_DIR" 2>/dev/null; then
    PG_BASE=$DATA_DIR/pg
  else
    PG_BASE=$(_pg_fallback_base)
  fi
  _PG_BASE_FOR=$DATA_DIR
}

_pg_prepare_base() {
  if [ ! -d "$PG_BASE" ]; then
    mkdir -p "$PG_BASE" || die "cannot create $PG_BASE"
    [ "$PG_BASE" = "$DATA_DIR/pg" ] || say "postgres cannot traverse $DATA_DIR; PostgreSQL data goes to $PG_BASE"
  fi
  chmod 700 "$PG_BASE"
  if [ "$(id -u)" = 0 ]; then
    # Anything root left in there (a copied var/, say) must belong to postgres again.
    find "$PG_BASE" ! -user postgres -exec chown postgres:postgres {} + 2>/dev/null || true
    runuser -u postgres -- test -w "$PG_BASE" || die "user postgres cannot write to $PG_BASE"
  fi
}

# _pg_runas: sets PG_RUNAS, the command prefix that runs a program as postgres (when we are
# root) from /, so that an unreadable cwd does not matter. setpriv execs, so start_bg records
# Patroni's own PID (runuser/su would fork, and SIGKILL their child 2 s after a SIGTERM).
_pg_runas() {
  if [ "$(id -u)" = 0 ]; then
    PG_RUNAS=(setpriv --reuid=postgres --regid=postgres --init-groups
      env -C / HOME=/var/lib/postgresql USER=postgres LOGNAME=postgres)
  else
    PG_RUNAS=(env -C /)
  fi
}

_pg_need() {
  need_cmd patroni patroni
  need_cmd etcd etcd-server
  need_cmd postgres postgresql-15 "$PG_BIN_DIR"
  [ -x "$PG_BIN_DIR/pg_rewind" ] && [ -x "$PG_BIN_DIR/psql" ] \
    || die "PostgreSQL 15 binaries missing in $PG_BIN_DIR: run 'apt-get install -y postgresql-15'"
  need_cmd curl curl
  need_cmd jq jq
  need_cmd setpriv util-linux
  _pg_check_ports
  _pg_check_timing
}

# --- config ------------------------------------------------------------------------------------
_pg_yaml_quote() { local s=${1//\'/\'\'}; printf "'%s'" "$s"; }

# _pg_render_config NAME: writes $PG_BASE/NAME.yml from infra/patroni/patroni.yml.tmpl.
_pg_render_config() {
  local name=$1 tmpl="$BRICKS_ROOT/infra/patroni/patroni.yml.tmpl" text cfg="$PG_BASE/$1.yml"
  [ -f "$tmpl" ] || die "missing $tmpl"
  text=$(<"$tmpl")
  # Quoted replacements: bash 5.2 would otherwise expand '&' in them.
  text=${text//@@SCOPE@@/"$PG_SCOPE"}
  text=${text//@@NAME@@/"$name"}
  text=${text//@@REST_PORT@@/"$(_pg_rest_port "$name")"}
  text=${text//@@PG_PORT@@/"$(_pg_port "$name")"}
  text=${text//@@ETCD_HOSTS@@/"$(etcd_hosts)"}
  text=${text//@@TTL@@/"$(_pg_ttl)"}
  text=${text//@@RETRY_TIMEOUT@@/"$(_pg_retry_timeout)"}
  text=${text//@@DATA_DIR@@/"$PG_BASE/$name"}
  text=${text//@@BIN_DIR@@/"$PG_BIN_DIR"}
  text=${text//@@PGPASS@@/"$PG_BASE/$name.pgpass"}
  text=${text//@@SUPERUSER_PASSWORD_YAML@@/"$(_pg_yaml_quote "$(_pg_super_pw)")"}
  text=${text//@@REPLICATION_PASSWORD_YAML@@/"$(_pg_yaml_quote "$(_pg_repl_pw)")"}
  (umask 077; printf '%s\n' "$text" >"$cfg.tmp") && mv -f "$cfg.tmp" "$cfg" || die "cannot write $cfg"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$cfg"
  return 0
}

# --- SQL -------------------------------------------------------------------------------------
# _pg_conninfo DB [USER]: libpq conninfo over all three nodes that lands on the primary.
_pg_conninfo() {
  echo "host=127.0.0.1,127.0.0.1,127.0.0.1 port=$(_pg_ports_csv) dbname=$1 user=${2:-postgres} target_session_attrs=read-write connect_timeout=${PG_CONNECT_TIMEOUT:-2} sslmode=disable application_name=bricks-launcher"
}

# _pg_psql PASSWORD CONNINFO PSQL-ARGS...: bounded (10 s) psql; quiet, tuples only.
_pg_psql() {
  local pw=$1 conn=$2; shift 2
  PGPASSWORD=$pw timeout "${PG_PSQL_TIMEOUT:-10}" env -u PGSERVICE -u PGOPTIONS -u PGSSLMODE \
    "$PG_BIN_DIR/psql" -X -q -A -t -v ON_ERROR_STOP=1 "$conn" "$@"
}
_pg_sql() { local db=$1; shift; _pg_psql "$(_pg_super_pw)" "$(_pg_conninfo "$db")" "$@"; }

# _pg_postmaster_pid NAME: PID of the node's live postmaster, from its postmaster.pid.
_pg_postmaster_pid() {
  local f="$PG_BASE/$1/postmaster.pid" pid
  [ -f "$f" ] || return 1
  pid=$(head -n 1 "$f" 2>/dev/null)
  pid_alive "$pid" && [ "$(ps -o comm= -p "$pid" 2>/dev/null)" = postgres ] && echo "$pid"
}

# --- cluster state ---------------------------------------------------------------------------
# _pg_cluster_json: Patroni's /cluster view (from etcd) via the first node that answers.
_pg_cluster_json() {
  local n
  for n in $PG_NODES; do
    is_running "$n" || continue
    curl -fsS -m 2 "http://127.0.0.1:$(_pg_rest_port "$n")/cluster" 2>/dev/null && return 0
  done
  return 1
}

# _pg_replication_summary: "STREAMING SYNC NAMES" as seen by the primary, e.g. "2 1 pg2,pg3".
_pg_replication_summary() {
  PG_CONNECT_TIMEOUT=1 PG_PSQL_TIMEOUT=5 _pg_sql postgres -F ' ' -c \
    "select count(*) filter (where state = 'streaming'), count(*) filter (where state = 'streaming' and sync_state = 'sync'),
            coalesce(string_agg(application_name, ',' order by application_name) filter (where state = 'streaming'), '-')
       from pg_stat_replication" 2>/dev/null
}

# Patroni agrees: three members, all running, one leader, one sync standby.
_pg_patroni_agrees() {
  _pg_cluster_json 2>/dev/null | jq -e '[.members[] | select(.state == "running")] as $m
    | ($m | length) == 3 and ([$m[] | select(.role == "leader")] | length) == 1
      and ([$m[] | select(.role == "sync_standby")] | length) == 1' >/dev/null 2>&1
}

# Healthy: one primary, two streaming standbys (one synchronous), as PostgreSQL and Patroni see it.
_pg_healthy() { [ "$(_pg_replication_summary | cut -d' ' -f1,2)" = "2 1" ] && _pg_patroni_agrees; }


# _pg_wait_healthy SECONDS: bounded wait for the healthy state; on failure shows the logs of
# the nodes that are not streaming (or of all of them when there is no primary) and dies.
_pg_wait_healthy() {
  local timeout=$1 deadline n summary="" bad="" primary
  deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    summary=$(_pg_replication_summary) || summary=""
    [ "$(cut -d' ' -f1,2 <<<"$summary")" = "2 1" ] && _pg_patroni_agrees && return 0
    for n in $PG_NODES; do
      if ! is_running "$n"; then
        log_tail "$n" 25
        die "Patroni node $n exited while the cluster was starting; see $LOG_DIR/$n.log"
      fi
    done
    sleep 0.5
  done
  primary=$(pg_primary_name 2>/dev/null) || primary=""
  for n in $PG_NODES; do
    [ "$n" = "$primary" ] && continue
    [[ ",$(cut -d' ' -f3 <<<"$summary")," == *",$n,"* ]] && [ -n "$primary" ] && continue
    bad+="${bad:+ }$LOG_DIR/$n.log"; log_tail "$n"
  done
  [ -n "$summary" ] && summary="primary $primary; streaming standbys: $(cut -d' ' -f3 <<<"$summary")" \
    || summary="no primary reachable"
  die "PostgreSQL cluster not healthy after ${timeout}s ($summary); see ${bad:-$LOG_DIR/pg1.log}"
}

# _pg_apply_dcs_config: bootstrap.dcs only seeds a new cluster; keep a running one in line
# with the settings above (a no-op when they already match).
_pg_apply_dcs_config() {
  local n rest desired current
  desired=$(jq -nc --argjson ttl "$(_pg_ttl)" --argjson rt "$(_pg_retry_timeout)" \
    '{ttl: $ttl, loop_wait: 1, retry_timeout: $rt, synchronous_mode: true, synchronous_node_count: 1, failsafe_mode: true}')
  n=$(pg_primary_name) || return 0
  rest="http://127.0.0.1:$(_pg_rest_port "$n")/config"
  current=$(curl -fsS -m 3 "$rest" 2>/dev/null) || die "cannot read the Patroni configuration from $rest"
  jq -e --argjson d "$desired" '. as $c | all($d | keys[]; $c[.] == $d[.])' <<<"$current" >/dev/null && return 0
  say "updating Patroni cluster settings: $desired"
  curl -fsS -m 5 -X PATCH -H 'Content-Type: application/json' -d "$desired" "$rest" >/dev/null \
    || die "cannot update the Patroni configuration via $rest"
}

# --- roles and databases -----------------------------------------------------------------------
# Idempotent: creates what is missing; re-applies an app password only when logging in with it fails.
_pg_provision() {
  _pg_sql postgres -v cu=customers -v cpw="$(_pg_customers_pw)" -v ou=orders -v opw="$(_pg_orders_pw)" <<'SQL' \
    || die "could not create the customers/orders roles and databases (see $LOG_DIR/pg*.log)"
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'cu', :'cpw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'cu') \gexec
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'ou', :'opw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'ou') \gexec
-- Each brick reads only its own database: no CONNECT for PUBLIC (the owner keeps it).
SELECT format('CREATE DATABASE %I OWNER %I', 'customers', :'cu'), format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', 'customers')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'customers') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', 'orders', :'ou'), format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', 'orders')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'orders') \gexec
SQL
  # The failover probe's table lives in its own schema so that the service's migrations
  # (e.g. Flyway, which refuses a non-empty public schema) never see it.
  [ "$(_pg_sql customers -c "select 1 from pg_namespace where nspname = 'bricks_ops'")" = 1 ] \
    || _pg_sql customers -c "CREATE SCHEMA IF NOT EXISTS bricks_ops;
         CREATE TABLE IF NOT EXISTS bricks_ops.heartbeat (id bigserial PRIMARY KEY,
           at timestamptz NOT NULL DEFAULT now(), port int NOT NULL DEFAULT inet_server_port())" \
    || die "could not create bricks_ops.heartbeat in database customers"
  local role pw
  for role in customers orders; do
    case $role in customers) pw=$(_pg_customers_pw) ;; *) pw=$(_pg_orders_pw) ;; esac
    _pg_psql "$pw" "$(_pg_conninfo "$role" "$role")" -c 'select 1' >/dev/null 2>&1 && continue
    _pg_sql postgres -v r="$role" -v pw="$pw" <<<"SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'r', :'pw') \gexec" \
      && _pg_psql "$pw" "$(_pg_conninfo "$role" "$role")" -c 'select 1' >/dev/null \
      || die "role $role cannot log in to database $role"
  done
}

# --- nodes -------------------------------------------------------------------------------------
# _pg_node_launch NAME: starts Patroni for NAME in the background (no waiting).
_pg_node_launch() {
  local name=$1 pgport rest
  pgport=$(_pg_port "$name"); rest=$(_pg_rest_port "$name")
  require_free_port "$rest" "Patroni REST API of $name"
  # A postmaster left behind by a dead Patroni is adopted by the new Patroni; anything else
  # on the port is somebody else's.
  if port_in_use "$pgport" && ! _pg_postmaster_pid "$name" >/dev/null; then
    die "port $pgport (PostgreSQL $name) is already taken; set BRICKS_PG_PORTS"
  fi
  _pg_render_config "$name"
  echo "==== $(date '+%F %T') starting $name (PostgreSQL :$pgport, Patroni :$rest) ====" >>"$LOG_DIR/$name.log"
  _pg_runas
  start_bg "$name" "${PG_RUNAS[@]}" patroni "$PG_BASE/$name.yml"
}

# _pg_postgres_pids PM: the postmaster PM and its children. PostgreSQL children call setsid(),
# so each is a process group of its own: killing the postmaster's group would miss them.
_pg_postgres_pids() {
  pid_alive "${1:-}" || return 0
  echo "$1"
  ps -o pid= --ppid "$1" 2>/dev/null | tr -d ' '
}

# _pg_stop_postmaster PID: fast shutdown of a postmaster Patroni left behind, then SIGKILL.
_pg_stop_postmaster() {
  local pid=$1 i
  pid_alive "$pid" || return 0
  kill -INT "$pid" 2>/dev/null || true
  for ((i = 0; i < 150; i++)); do pid_alive "$pid" || return 0; sleep 0.1; done
  # shellcheck disable=SC2046
  kill -KILL $(_pg_postgres_pids "$pid") 2>/dev/null || true
}

pg_node_start() {
  local name=${1:?usage: pg_node_start NAME} i rest
  _pg_index "$name" >/dev/null
  _pg_need; _pg_locate; _pg_prepare_base
  etcd_up
  is_running "$name" || _pg_node_launch "$name"
  rest=$(_pg_rest_port "$name")
  for ((i = 0; i < 150; i++)); do
    [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$rest/patroni" 2>/dev/null)" = 200 ] && return 0
    is_running "$name" || break
    sleep 0.2
  done
  log_tail "$name" 25
  die "Patroni node $name did not come up (REST 127.0.0.1:$rest); see $LOG_DIR/$name.log"
}

pg_node_stop() {
  local name=${1:?usage: pg_node_stop NAME} pm
  _pg_index "$name" >/dev/null
  _pg_locate
  pm=$(_pg_postmaster_pid "$name") || pm=""
  # Patroni shuts PostgreSQL down on SIGTERM (a fast shutdown, with the checkpoint).
  stop_bg "$name" 40
  _pg_stop_postmaster "$pm"
  return 0
}

pg_node_kill() {
  local name=${1:?usage: pg_node_kill NAME} pm pid targets=""
  _pg_index "$name" >/dev/null
  _pg_locate
  pid=$(read_pid "$name") || pid=""
  pm=$(_pg_postmaster_pid "$name") || pm=""
  pid_alive "$pid" && targets="-$pid"
  targets+=" $(_pg_postgres_pids "$pm" | tr '\n' ' ')"
  # One kill(1) for everything, as when the machine dies: Patroni's process group (Patroni
  # would restart PostgreSQL and keep renewing the leader lock) and every PostgreSQL process.
  # shellcheck disable=SC2086
  [ -n "${targets// /}" ] && kill -KILL -- $targets 2>/dev/null
  kill_bg "$name" || true
  return 0
}

pg_primary_name() {
  local n
  for n in $PG_NODES; do
    is_running "$n" || continue
    # /primary answers 200 only on the node that runs as primary and holds the leader lock.
    [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(_pg_rest_port "$n")/primary" 2>/dev/null)" = 200 ] \
      && { echo "$n"; return 0; }
  done
  return 1
}

pg_kill_primary() {
  local p
  p=$(pg_primary_name) || die "no PostgreSQL primary is running"
  pg_node_kill "$p"
  echo "$p"
}

pg_cluster_start() {
  local n started=""
  _pg_need; _pg_locate; _pg_prepare_base
  etcd_up
  for n in $PG_NODES; do
    is_running "$n" && continue
    _pg_node_launch "$n"; started+=" $n"
  done
  [ -n "$started" ] && say "starting PostgreSQL/Patroni nodes:$started (data in $PG_BASE)"
  _pg_wait_healthy "${BRICKS_PG_START_TIMEOUT:-120}"
  _pg_apply_dcs_config
  _pg_provision
  [ -n "$started" ] && say "PostgreSQL cluster ready: primary $(pg_primary_name 2>/dev/null || echo '?'), standbys $(_pg_replication_summary | cut -d' ' -f3)"
  return 0
}

pg_cluster_stop() {
  local primary n pids=()
  _pg_locate
  # Standbys first (in parallel), the primary last, so nothing fails over while stopping and the
  # next start resumes on the node with the newest data.
  primary=$(pg_primary_name 2>/dev/null) || primary=""
  for n in $PG_NODES; do
    [ "$n" = "$primary" ] && continue
    (pg_node_stop "$n") & pids+=($!)
  done
  [ "${#pids[@]}" -gt 0 ] && wait "${pids[@]}"
  [ -n "$primary" ] && pg_node_stop "$primary"
  return 0
}

pg_cluster_purge() {
  _pg_locate
  pg_cluster_stop
  local d
  # Both possible data areas of this checkout (see _pg_locate).
  for d in "$DATA_DIR/pg" "$(_pg_fallback_base)"; do
    case $d in */pg|/var/tmp/bricks-pg-*) rm -rf -- "$d" ;; esac
  done
  etcd_purge
  return 0
}

# pg_role NAME: primary, sync-standby or standby as Patroni sees it (- when unknown).
pg_role() {
  local json role
  is_running "$1" || { echo -; return 0; }
  json=$(curl -fsS -m 2 "http://127.0.0.1:$(_pg_rest_port "$1")/patroni" 2>/dev/null) || { echo -; return 0; }
  role=$(jq -r '.role // "-"' <<<"$json" 2>/dev/null) || role=-
  case $role in
    master|primary) echo primary ;;
    replica) [ "$(http_status "http://127.0.0.1:$(_pg_rest_port "$1")/sync")" = 200 ] && echo sync-standby || echo standby ;;
    *) echo "$role" ;;
  esac
}

_pg_now_ms() { local t=${EPOCHREALTIME/[.,]/}; echo $((t / 1000)); }
_pg_secs() { printf '%d.%d' $(($1 / 1000)) $(($1 % 1000 / 100)); }

pg_failover_report() {
  local victim t0 now elapsed out port winner before lost="" conn summary
  _pg_need; _pg_locate
  _pg_healthy || die "the PostgreSQL cluster is not healthy (need 1 primary + 2 streaming standbys); run start first"
  victim=$(pg_primary_name) || die "no PostgreSQL primary found"
  conn=$(PG_CONNECT_TIMEOUT=1 _pg_conninfo customers)
  # An acknowledged write just before the kill: with a synchronous standby it must survive.
  before=$(_pg_psql "$(_pg_super_pw)" "$conn" -c "insert into bricks_ops.heartbeat default values returning id") \
    || die "the probe write on $victim failed before the kill"
  t0=$(_pg_now_ms)
  pg_node_kill "$victim"
  say "killed primary $victim (Patroni + PostgreSQL, SIGKILL); probing writes every 100 ms"
  while :; do
    # timeout(1), not statement_timeout: a commit still waiting for its synchronous standby
    # must not count as a success.
    if out=$(PG_PSQL_TIMEOUT=3 _pg_psql "$(_pg_super_pw)" "$conn" \
        -c "insert into bricks_ops.heartbeat default values returning port" 2>/dev/null); then
      now=$(_pg_now_ms); port=$out; break
    fi
    now=$(_pg_now_ms)
    ((now - t0 > 60000)) && die "writes did not resume within 60 s after killing primary $victim; see $LOG_DIR/pg*.log"
    sleep 0.1
  done
  elapsed=$((now - t0))
  winner=$(_pg_name_of_port "$port")
  echo "primary $victim killed; writes resumed on $winner after $(_pg_secs "$elapsed") s"
  [ "$(_pg_sql customers -c "select count(*) from bricks_ops.heartbeat where id = $before")" = 1 ] || lost=1
  if [ -n "$lost" ]; then
    echo "the last write acknowledged before the kill (heartbeat id $before) is MISSING on $winner"
  else
    echo "the last write acknowledged before the kill is present on $winner"
  fi
  t0=$(_pg_now_ms)
  pg_node_start "$victim"
  _pg_wait_healthy 120
  summary=$(_pg_replication_summary)
  [[ ",$(cut -d' ' -f3 <<<"$summary")," == *",$victim,"* ]] \
    || die "$victim restarted but is not streaming from $winner; see $LOG_DIR/$victim.log"
  echo "$victim rejoined as a streaming standby after $(_pg_secs $(($(_pg_now_ms) - t0))) s; cluster: $(for n in $PG_NODES; do printf '%s=%s ' "$n" "$(pg_role "$n")"; done)"
  [ -z "$lost" ] || die "an acknowledged write was lost in the failover"
  return 0
}

# pg_env: export lines for the services (eval them, or write them to an env file).
# JDBC: every node is listed with targetServerType=primary, so the driver finds the new
# primary after a failover without a restart. connectTimeout=2: all nodes are local, and a
# dead one refuses at once; the bound only matters for a hung host. hostRecheckSeconds=2: the
# driver remembers each host's role this long (default 10 s), so a freshly promoted standby is
# tried again soon after the ~10 s failover. socketTimeout=20: above the failover time plus a
# synchronous commit's wait for a standby swap, so a slow commit is not abandoned while the
# cluster heals, yet a connection to a vanished host is dropped before a 30 s client timeout.
pg_env() {
  local hosts params
  hosts=$(host_ports "$BRICKS_PG_PORTS")
  params="targetServerType=primary&hostRecheckSeconds=2&connectTimeout=2&loginTimeout=5&socketTimeout=20&tcpKeepAlive=true"
  export_line BRICKS_PG_HOSTS "$hosts"
  export_line BRICKS_CUSTOMERS_JDBC_URL "jdbc:postgresql://$hosts/customers?$params"
  export_line BRICKS_CUSTOMERS_DB_USER customers
  export_line BRICKS_CUSTOMERS_DB_PASSWORD "$(_pg_customers_pw)"
  export_line BRICKS_ORDERS_JDBC_URL "jdbc:postgresql://$hosts/orders?$params"
  export_line BRICKS_ORDERS_DB_USER orders
  export_line BRICKS_ORDERS_DB_PASSWORD "$(_pg_orders_pw)"
}


# --- the server verbs (servers.sh) ----------------------------------------------------------------
pg_names() { echo "$PG_NODES"; }
pg_port() { _pg_port "$1"; }
pg_ready() { [ "$(http_status "http://127.0.0.1:$(_pg_rest_port "$1")/health")" = 200 ]; }
pg_start() { pg_node_start "$1"; }
pg_stop() { pg_node_stop "$1"; }
pg_kill() { pg_node_kill "$1"; }
pg_up() { pg_cluster_start; }
pg_down() { pg_cluster_stop; }
