# Redis for cart-service: one server on 127.0.0.1:$BRICKS_REDIS_PORT, every write fsynced to the
# append-only file (an acknowledged cart change survives a crash). Sourced by ./bricks.

REDIS_DATA="$DATA_DIR/redis"

redis_ping() {
  [ "$(redis-cli -h 127.0.0.1 -p "$BRICKS_REDIS_PORT" ping 2>/dev/null)" = PONG ]
}

redis_start() {
  is_running redis && return 0
  need_cmd redis-server redis-server
  need_cmd redis-cli redis-tools
  require_free_port "$BRICKS_REDIS_PORT" redis
  mkdir -p "$REDIS_DATA"
  start_bg redis redis-server \
    --bind 127.0.0.1 --port "$BRICKS_REDIS_PORT" \
    --dir "$REDIS_DATA" \
    --appendonly yes --appendfsync always \
    --daemonize no --logfile "" --save ""
  wait_started redis 20 "redis" redis_ping
  say "redis ready on 127.0.0.1:$BRICKS_REDIS_PORT"
}

redis_stop() { stop_bg redis 15; }
redis_kill() { kill_bg redis; }

