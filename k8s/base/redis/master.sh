# Sourced by start-redis.sh and start-sentinel.sh: sets self (this pod's DNS name) and master
# (the DNS name of the master this pod's Redis follows, or its own name if it is the master).
set -eu
headless=redis-headless
set_name=${HOSTNAME%-*}
self=$HOSTNAME.$headless

# The master the running sentinels know, or nothing when none answers (the first start of all).
master_from_sentinels() {
  for host in redis-sentinel "$set_name-0.$headless" "$set_name-1.$headless" "$set_name-2.$headless"; do
    answer=$(timeout 2 redis-cli -h "$host" -p 26379 --raw SENTINEL get-master-addr-by-name bricks 2>/dev/null | head -n 1)
    case $answer in
      "" | *" "*) ;;
      *) echo "$answer"; return ;;
    esac
  done
}

master=$(master_from_sentinels)
# Nobody to ask: ordinal 0 is the master, the others replicate from it.
master=${master:-$set_name-0.$headless}
