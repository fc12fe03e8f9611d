. /etc/redis/master.sh
{
  cat /etc/redis/redis.conf
  # The name the master and the sentinels know this replica by, stable across restarts.
  echo "replica-announce-ip $self"
  if [ "$master" != "$self" ]; then
    echo "replicaof $master 6379"
  fi
} > /run/redis/redis.conf
echo "$self starts with master $master"
exec redis-server /run/redis/redis.conf
