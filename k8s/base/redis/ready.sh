# Ready: the master, or a replica whose link to the master is up (it can acknowledge writes).
# -e: an error reply (LOADING while Redis replays its AOF after a restart) fails the probe.
redis-cli -e ping > /dev/null || exit 1
case $(redis-cli -e info replication) in
  *role:master* | *master_link_status:up*) exit 0 ;;
esac
exit 1
