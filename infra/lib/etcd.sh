# Single-node etcd: the DCS (leader lock + membership) of the Patroni cluster in postgres.sh.
# Sourced after common.sh (postgres.sh sources it itself); defines functions only.
#
#   etcd_start   idempotent; client 127.0.0.1:$BRICKS_ETCD_PORT, peer $BRICKS_ETCD_PEER_PORT,
#                data $DATA_DIR/etcd, log $LOG_DIR/etcd.log, pid name `etcd`
#   etcd_stop    harmless when nothing runs
#   etcd_healthy true when the client port answers /health
#   etcd_purge   stop + delete the data (the Patroni cluster state lives there)

etcd_healthy() {
  curl -fsS -m 2 "http://127.0.0.1:$BRICKS_ETCD_PORT/health" 2>/dev/null | grep -q '"health":"true"'
}

etcd_start() {
  need_cmd etcd etcd-server
  need_cmd curl curl
  if is_running etcd; then
    etcd_wait_healthy
    return 0
  fi
  require_free_port "$BRICKS_ETCD_PORT" "etcd client"
  require_free_port "$BRICKS_ETCD_PEER_PORT" "etcd peer"
  mkdir -p "$DATA_DIR/etcd"
  chmod 700 "$DATA_DIR/etcd"
  local peer="http://127.0.0.1:$BRICKS_ETCD_PEER_PORT" client="http://127.0.0.1:$BRICKS_ETCD_PORT"
  # Patroni refreshes its keys every second, so revisions pile up: compact hourly.
  # --initial-cluster-state new is ignored once the data dir exists, so restarts reuse it.
  start_bg etcd etcd --name bricks-etcd --data-dir "$DATA_DIR/etcd" \
    --listen-client-urls "$client" --advertise-client-urls "$client" \
    --listen-peer-urls "$peer" --initial-advertise-peer-urls "$peer" \
    --initial-cluster "bricks-etcd=$peer" --initial-cluster-token bricks-etcd \
    --initial-cluster-state new \
    --auto-compaction-mode periodic --auto-compaction-retention 1h \
    --logger zap --log-outputs stderr
  etcd_wait_healthy
}

# Bounded wait (30 s); dies with the end of the log when etcd exits or never answers.
etcd_wait_healthy() {
  local i
  for ((i = 0; i < 150; i++)); do
    etcd_healthy && return 0
    is_running etcd || break
    sleep 0.2
  done
  [ -f "$LOG_DIR/etcd.log" ] && tail -n 20 "$LOG_DIR/etcd.log" | sed 's/^/  etcd.log: /' >&2
  die "etcd on 127.0.0.1:$BRICKS_ETCD_PORT is not healthy (see $LOG_DIR/etcd.log)"
}

etcd_stop() { stop_bg etcd 15; }

etcd_purge() {
  etcd_stop
  rm -rf "$DATA_DIR/etcd"
}
