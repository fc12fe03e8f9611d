# Ready: the master, or a replica whose link to the master is up (it can acknowledge writes).
[ "$(redis-cli ping)" = PONG ] || exit 1
case $(redis-cli info replication) in
  *role:master* | *master_link_status:up*) exit 0 ;;
esac
exit 1
