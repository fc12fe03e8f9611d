# Shared helpers for the ./bricks launcher and its infra/lib/*.sh components.
# Sourced, never run. Every component records the real PID of what it starts under
# var/run/NAME.pid and stops only those PIDs (as process groups: each is started with setsid).

: "${BRICKS_ROOT:?BRICKS_ROOT must be set by ./bricks}"
VAR_DIR="${BRICKS_VAR:-$BRICKS_ROOT/var}"
LOG_DIR="$VAR_DIR/log"
RUN_DIR="$VAR_DIR/run"
DATA_DIR="$VAR_DIR/data"
mkdir -p "$LOG_DIR" "$RUN_DIR" "$DATA_DIR"

# Ports: every one can be overridden from the environment. A server that runs as several
# instances (redis-1..3, kafka-1..3, ...) takes a list, one port per instance.
: "${BRICKS_GATEWAY_PORT:=8080}"
: "${BRICKS_GATEWAY_STATS_PORTS:=8404 8405}"
: "${BRICKS_REDIS_PORTS:=16379 16380 16381}"
: "${BRICKS_SENTINEL_PORTS:=26379 26380 26381}"
: "${BRICKS_KAFKA_PORTS:=19092 19094 19096}"
: "${BRICKS_KAFKA_CONTROLLER_PORTS:=19093 19095 19097}"
: "${BRICKS_ETCD_PORTS:=12379 12381 12383}"
: "${BRICKS_ETCD_PEER_PORTS:=12380 12382 12384}"
: "${BRICKS_PG_PORTS:=15432 15433 15434}"
: "${BRICKS_PATRONI_PORTS:=18008 18009 18010}"
: "${BRICKS_CATALOG_BASE_PORT:=8100}"
: "${BRICKS_CART_BASE_PORT:=8200}"
: "${BRICKS_CUSTOMER_BASE_PORT:=8300}"
: "${BRICKS_ORDER_BASE_PORT:=8400}"
export BRICKS_GATEWAY_PORT BRICKS_GATEWAY_STATS_PORTS BRICKS_REDIS_PORTS BRICKS_SENTINEL_PORTS \
  BRICKS_KAFKA_PORTS BRICKS_KAFKA_CONTROLLER_PORTS BRICKS_ETCD_PORTS BRICKS_ETCD_PEER_PORTS \
  BRICKS_PG_PORTS BRICKS_PATRONI_PORTS BRICKS_CATALOG_BASE_PORT BRICKS_CART_BASE_PORT \
  BRICKS_CUSTOMER_BASE_PORT BRICKS_ORDER_BASE_PORT

# nth "LIST" N: the N-th (1-based) word of LIST; instance NAME-N takes the N-th port of a list.
nth() { local -a a; read -r -a a <<<"$1"; printf '%s' "${a[$(($2 - 1))]:-}"; }
# instance_index NAME: the N of NAME-N (or of pgN).
instance_index() { local n=${1##*[!0-9]}; echo "${n:-0}"; }
# host_ports "PORTS" [PREFIX] [SEPARATOR]: PREFIX127.0.0.1:PORT joined by SEPARATOR (default ,).
host_ports() {
  local p out="" sep=${3:-,}
  for p in $1; do out+="${out:+$sep}${2:-}127.0.0.1:$p"; done
  echo "$out"
}

die()  { echo "bricks: $*" >&2; exit 1; }
info() { echo "bricks: $*" >&2; }

# need_cmd COMMAND DEBIAN_PACKAGE [EXTRA_PATH_DIR]: installs the package with apt when root,
# otherwise says exactly what to run.
_apt_updated=""
need_cmd() {
  local cmd=$1 pkg=$2
  command -v "$cmd" >/dev/null 2>&1 && return 0
  [ -n "${3:-}" ] && [ -x "$3/$cmd" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    info "installing $pkg (for $cmd) with apt-get"
    if [ -z "$_apt_updated" ]; then apt-get update -qq >/dev/null 2>&1 || true; _apt_updated=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >"$LOG_DIR/apt-$pkg.log" 2>&1 \
      || die "could not install $pkg; see $LOG_DIR/apt-$pkg.log"
    return 0
  fi
  die "$cmd is missing: run 'sudo apt-get install -y $pkg'"
}

pid_file()  { echo "$RUN_DIR/$1.pid"; }
read_pid()  { local f; f=$(pid_file "$1"); if [ -f "$f" ]; then cat "$f"; fi; }
# pid_alive PID: the process exists and is not a zombie (an exited child that PID 1 has not
# reaped yet still answers kill -0).
pid_alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  local stat; stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}
is_running() { pid_alive "$(read_pid "$1")"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
require_free_port() {
  port_in_use "$1" && die "port $1 (for $2) is already taken; set the matching BRICKS_*_PORT variable"
  return 0
}

# start_bg NAME COMMAND...: runs COMMAND in its own session with output in var/log/NAME.log
# and records its real PID.
start_bg() {
  local name=$1; shift
  setsid "$@" >>"$LOG_DIR/$name.log" 2>&1 < /dev/null &
  echo $! > "$(pid_file "$name")"
}

# stop_bg NAME [SECONDS]: TERM the recorded process group, KILL it after SECONDS (default 20).
stop_bg() {
  local name=$1 timeout=${2:-20} pid i
  pid=$(read_pid "$name")
  if pid_alive "$pid"; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < timeout * 10; i++)); do pid_alive "$pid" || break; sleep 0.1; done
    pid_alive "$pid" && kill -KILL -- "-$pid" 2>/dev/null
  fi
  rm -f "$(pid_file "$name")"
}

# kill_bg NAME: hard kill (SIGKILL) of the recorded process group, for fault tests.
kill_bg() {
  local pid i; pid=$(read_pid "$1")
  if pid_alive "$pid"; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
    # wait (bounded) until it is gone, so its ports are free for a restart right away
    for ((i = 0; i < 50; i++)); do pid_alive "$pid" || break; sleep 0.1; done
  fi
  rm -f "$(pid_file "$1")"
}

# wait_until SECONDS WHAT COMMAND...: polls COMMAND every 0.2 s; dies with a clear message.
wait_until() {
  local timeout=$1 what=$2 i; shift 2
  for ((i = 0; i < timeout * 5; i++)); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  die "$what did not become ready within ${timeout}s"
}

http_ok() { curl -fsS -m 2 -o /dev/null "$1"; }

# export_line NAME VALUE: one line of the application environment (`./bricks env`).
export_line() { printf 'export %s=%q\n' "$1" "$2"; }

# ---------------------------------------------------------------------------------------------
# Additions for the launcher (./bricks) and its redis/kafka/gateway/apps/keys components.
# ---------------------------------------------------------------------------------------------

# Quiet mode: `infra start|stop|kill NAME` is used by integration tests and must print nothing
# on success. say() is for progress messages that quiet mode suppresses; die() always prints.
: "${BRICKS_QUIET:=}"
say() { [ -n "$BRICKS_QUIET" ] || echo "bricks: $*" >&2; }
warn() { echo "bricks: warning: $*" >&2; }

log_file() { echo "$LOG_DIR/$1.log"; }

# log_tail NAME [LINES]: the last lines of var/log/NAME.log on stderr, indented (not in quiet mode).
log_tail() {
  local f; f=$(log_file "$1")
  [ -f "$f" ] && [ -z "$BRICKS_QUIET" ] || return 0
  echo "---- last ${2:-30} lines of $f ----" >&2
  tail -n "${2:-30}" "$f" | sed 's/^/  /' >&2
  echo "----" >&2
}

# wait_started NAME SECONDS WHAT COMMAND...: like wait_until, but gives up at once when the
# recorded process of NAME has died, and shows the end of its log on failure. A process that
# is still not ready after SECONDS is stopped before it dies.
wait_started() {
  local name=$1 timeout=$2 what=$3 i; shift 3
  for ((i = 0; i < timeout * 5; i++)); do
    "$@" >/dev/null 2>&1 && return 0
    if ! is_running "$name"; then
      log_tail "$name"
      rm -f "$(pid_file "$name")"
      die "$what exited during start-up; see $(log_file "$name")"
    fi
    sleep 0.2
  done
  log_tail "$name"
  stop_bg "$name" 10   # a failed start leaves nothing half-running behind
  die "$what did not become ready within ${timeout}s; see $(log_file "$name")"
}

# http_status URL: the HTTP status code of a GET (000 when nothing answers).
http_status() { curl -s -m "${2:-2}" -o /dev/null -w '%{http_code}' "$1" 2>/dev/null || true; }

# status_row NAME PORT PID HEALTH [ROLE]: one line of the `status` table.
status_header() { printf '%-14s %-7s %-8s %-8s %s\n' NAME PORT PID HEALTH 'ROLE or BUILD'; }
status_row() { printf '%-14s %-7s %-8s %-8s %s\n' "$1" "${2:--}" "${3:--}" "$4" "${5:--}"; }

# Tools every part needs. java and curl are installed with apt when missing (root + Debian).
need_base_tools() {
  need_cmd curl curl
  need_cmd java openjdk-17-jdk-headless
}

# ensure_file_mode FILE MODE: chmod without failing when the file is absent.
ensure_file_mode() { [ -e "$1" ] && chmod "$2" "$1"; return 0; }
