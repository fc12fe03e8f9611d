# Redis for cart-service: three servers (redis-1..3: one primary, two replicas) watched by three
# Sentinels (sentinel-1..3, quorum 2) that promote a replica when the primary dies. The cart
# brick finds the primary through the Sentinels and acknowledges a change only once a replica
# has it too (WAIT), so a promotion loses nothing acknowledged. Every write is fsynced to the
# append-only file. Sourced by ./bricks; the server verbs are described in servers.sh.

REDIS_MASTER_NAME=bricks
REDIS_DATA="$DATA_DIR/redis"

redis_names() { echo redis-1 redis-2 redis-3; }
sentinel_names() { echo sentinel-1 sentinel-2 sentinel-3; }
redis_port() { nth "$BRICKS_REDIS_PORTS" "$(instance_index "$1")"; }
sentinel_port() { nth "$BRICKS_SENTINEL_PORTS" "$(instance_index "$1")"; }

redis_cli() { local port=$1; shift; timeout 3 redis-cli -h 127.0.0.1 -p "$port" "$@" 2>/dev/null; }
redis_ready() { [ "$(redis_cli "$(redis_port "$1")" ping)" = PONG ]; }
sentinel_ready() { [ "$(redis_cli "$(sentinel_port "$1")" ping)" = PONG ]; }

redis_role() {
  case $(redis_cli "$(redis_port "$1")" role | head -n 1) in
    master) echo primary ;; slave) echo replica ;; *) echo - ;;
  esac
}
sentinel_role() { echo -; }

# redis_primary_port: the primary's port as the Sentinels see it (the first one that answers).
redis_primary_port() {
  local s out
  for s in $(sentinel_names); do
    out=$(redis_cli "$(sentinel_port "$s")" sentinel get-master-addr-by-name "$REDIS_MASTER_NAME" | sed -n 2p)
    [ -n "$out" ] && { echo "$out"; return 0; }
  done
  return 1
}

# redis_primary: the name of the primary (Sentinels' view, else the one that says it is master).
redis_primary() {
  local port n
  if port=$(redis_primary_port); then
    for n in $(redis_names); do [ "$(redis_port "$n")" = "$port" ] && { echo "$n"; return 0; }; done
  fi
  for n in $(redis_names); do [ "$(redis_role "$n")" = primary ] && { echo "$n"; return 0; }; done
  return 1
}

_redis_need() {
  need_cmd redis-server redis-server
  need_cmd redis-cli redis-tools
}

redis_start() {
  local name=$1 port primary_port args=()
  is_running "$name" && return 0
  _redis_need
  port=$(redis_port "$name")
  require_free_port "$port" "$name"
  mkdir -p "$REDIS_DATA/$name"
  # The role is decided at start: the primary the Sentinels know (which survives a restart of the
  # whole stack in their config files), else redis-1 on the very first start.
  primary_port=$(redis_primary_port) || primary_port=$(redis_port redis-1)
  [ "$primary_port" = "$port" ] || args=(--replicaof 127.0.0.1 "$primary_port")
  # min-replicas-to-write: a primary cut off from every replica refuses writes rather than
  # accepting ones that a promotion would lose.
  start_bg "$name" redis-server \
    --bind 127.0.0.1 --port "$port" --dir "$REDIS_DATA/$name" \
    --appendonly yes --appendfsync always --save "" \
    --replica-announce-ip 127.0.0.1 --min-replicas-to-write 1 --min-replicas-max-lag 10 \
    --daemonize no --logfile "" "${args[@]}"
  wait_started "$name" 20 "$name" redis_ready "$name"
  say "$name ready on 127.0.0.1:$port"
}

# Sentinel rewrites its own configuration file (known primary, replicas, other Sentinels), so
# it is written only once; a restarted Sentinel remembers the primary of before.
sentinel_start() {
  local name=$1 port conf
  is_running "$name" && return 0
  _redis_need
  port=$(sentinel_port "$name")
  require_free_port "$port" "$name"
  conf="$REDIS_DATA/$name.conf"
  mkdir -p "$REDIS_DATA"
  if [ ! -s "$conf" ]; then
    # down-after 1 s + an election of about 1 s: a dead primary is replaced in ~2-3 s
    cat > "$conf" <<EOT
# Generated once by ./bricks; Sentinel keeps its state in here.
bind 127.0.0.1
port $port
dir $REDIS_DATA
sentinel announce-ip 127.0.0.1
sentinel monitor $REDIS_MASTER_NAME 127.0.0.1 $(redis_port redis-1) 2
sentinel down-after-milliseconds $REDIS_MASTER_NAME 1000
sentinel failover-timeout $REDIS_MASTER_NAME 6000
sentinel parallel-syncs $REDIS_MASTER_NAME 2
EOT
  fi
  start_bg "$name" redis-server "$conf" --sentinel --daemonize no --logfile ""
  wait_started "$name" 20 "$name" sentinel_ready "$name"
}

redis_stop() { stop_bg "$1" 15; }
redis_kill() { kill_bg "$1"; }
sentinel_stop() { stop_bg "$1" 10; }
sentinel_kill() { kill_bg "$1"; }

# redis_up: Sentinels first (they know which server was the primary), then the servers.
sentinel_up() { local n; for n in $(sentinel_names); do sentinel_start "$n"; done; }
redis_up() {
  local n
  sentinel_up
  for n in $(redis_names); do redis_start "$n"; done
  wait_until 30 "a Redis primary with a replica" redis_replicated
}
# redis_replicated: the primary has at least one connected replica (writes can be acknowledged).
redis_replicated() {
  local p; p=$(redis_primary) || return 1
  [ "$(redis_cli "$(redis_port "$p")" info replication | tr -d '\r' | sed -n 's/^connected_slaves://p')" -ge 1 ]
}

# redis_down: the Sentinels first (no failover while stopping), then replicas, the primary last.
redis_down() {
  local n primary
  primary=$(redis_primary 2>/dev/null) || primary=""
  for n in $(sentinel_names); do sentinel_stop "$n"; done
  for n in $(redis_names); do [ "$n" = "$primary" ] || redis_stop "$n"; done
  [ -z "$primary" ] || redis_stop "$primary"
}

# The application sees Redis through the Sentinels.
redis_env() {
  export_line BRICKS_REDIS_CLIENT_TYPE sentinel
  export_line BRICKS_REDIS_URL "$(host_ports "$BRICKS_SENTINEL_PORTS" redis://)"
  export_line BRICKS_REDIS_MASTER "$REDIS_MASTER_NAME"
}
