# redis-server for scripts/cluster-sweep.sh (the sweep cluster's membership and grain state); python3 reads its index.
ensure_apt redis-server python3
