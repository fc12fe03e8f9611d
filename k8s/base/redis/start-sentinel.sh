. /etc/redis/master.sh
# Sentinel refuses to start on a master name that does not resolve yet (a pod still starting).
until getent hosts "$master" > /dev/null; do sleep 1; done
sed -e "s/@SELF@/$self/" -e "s/@MASTER@/$master/" /etc/redis/sentinel.conf > /run/redis/sentinel.conf
echo "monitoring $master"
exec redis-server /run/redis/sentinel.conf --sentinel
