# etcd: the DCS (leader lock + membership) of the Patroni cluster in postgres.sh, as three
# members (etcd-1..3): two of three keep the quorum, so Patroni keeps its leader when one dies.
# Clients on 127.0.0.1:BRICKS_ETCD_PORTS, peers on BRICKS_ETCD_PEER_PORTS. Sourced by ./bricks;
# the server verbs are described in servers.sh.

etcd_names() { echo etcd-1 etcd-2 etcd-3; }
etcd_port() { nth "$BRICKS_ETCD_PORTS" "$(instance_index "$1")"; }
etcd_peer_port() { nth "$BRICKS_ETCD_PEER_PORTS" "$(instance_index "$1")"; }
etcd_hosts() { host_ports "$BRICKS_ETCD_PORTS"; }

etcd_ready() {
  curl -fsS -m 2 "http://127.0.0.1:$(etcd_port "$1")/health" 2>/dev/null | grep -q '"health":"true"'
}

# etcd_status NAME: the member's view {"header":{"member_id"},"leader"} (ids as strings).
etcd_status() { curl -fsS -m 2 -X POST -d '{}' "http://127.0.0.1:$(etcd_port "$1")/v3/maintenance/status" 2>/dev/null; }

etcd_role() {
  local s; s=$(etcd_status "$1") || { echo -; return 0; }
  jq -r 'if .header.member_id == .leader then "leader" else "follower" end' <<<"$s" 2>/dev/null || echo -
}

# etcd_leader: the member that leads now.
etcd_leader() {
  local n
  for n in $(etcd_names); do
    is_running "$n" && [ "$(etcd_role "$n")" = leader ] && { echo "$n"; return 0; }
  done
  return 1
}

# etcd_launch NAME: starts one member in the background. --initial-cluster-state new is ignored
# once the data directory exists, so a restarted member rejoins with its own data.
etcd_launch() {
  local name=$1 peer client cluster="" n
  is_running "$name" && return 0
  need_cmd etcd etcd-server
  need_cmd curl curl
  need_cmd jq jq
  require_free_port "$(etcd_port "$name")" "$name client"
  require_free_port "$(etcd_peer_port "$name")" "$name peer"
  mkdir -p "$DATA_DIR/$name"
  chmod 700 "$DATA_DIR/$name"
  for n in $(etcd_names); do cluster+="${cluster:+,}$n=http://127.0.0.1:$(etcd_peer_port "$n")"; done
  peer="http://127.0.0.1:$(etcd_peer_port "$name")" client="http://127.0.0.1:$(etcd_port "$name")"
  # Patroni refreshes its keys every second, so revisions pile up: compact hourly.
  start_bg "$name" etcd --name "$name" --data-dir "$DATA_DIR/$name" \
    --listen-client-urls "$client" --advertise-client-urls "$client" \
    --listen-peer-urls "$peer" --initial-advertise-peer-urls "$peer" \
    --initial-cluster "$cluster" --initial-cluster-token bricks-etcd \
    --initial-cluster-state new \
    --heartbeat-interval 100 --election-timeout 1000 \
    --auto-compaction-mode periodic --auto-compaction-retention 1h \
    --logger zap --log-outputs stderr
}

# etcd_start NAME: one member, until it answers healthy (which needs a quorum).
etcd_start() {
  etcd_launch "$1"
  wait_started "$1" 30 "$1" etcd_ready "$1"
}

# etcd_up: the members start together: a lone first member would wait for a quorum.
etcd_up() {
  local n
  for n in $(etcd_names); do etcd_launch "$n"; done
  for n in $(etcd_names); do etcd_start "$n"; done
}

etcd_stop() { stop_bg "$1" 15; }
etcd_kill() { kill_bg "$1"; }
etcd_down() { local n; for n in $(etcd_names); do etcd_stop "$n"; done; }

etcd_purge() {
  local n
  etcd_down
  for n in $(etcd_names); do rm -rf "${DATA_DIR:?}/$n"; done
}
