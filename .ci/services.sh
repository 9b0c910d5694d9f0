#!/usr/bin/env bash
# Make sure the local PostgreSQL (127.0.0.1:5432, trust auth, database "test") and Redis (127.0.0.1:6379)
# are running; start them with the machine's own commands if they have stopped. Idempotent.
set -u
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
if ! pg_up; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
fi
pg_up && echo "PostgreSQL: up" || { echo "PostgreSQL: down"; exit 1; }
# The store tests (describeEachDialect) connect as postgres to the database "test"; create it if missing.
pg_test() { psql -h 127.0.0.1 -p 5432 -U postgres -d test -tAc 'select 1' >/dev/null 2>&1; }
if ! pg_test; then createdb -h 127.0.0.1 -p 5432 -U postgres test 2>/dev/null || true; fi
pg_test && echo "PostgreSQL: database test ready" || { echo "PostgreSQL: cannot use database test as user postgres"; exit 1; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
if ! redis_up && command -v redis-server >/dev/null 2>&1; then
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  for _ in $(seq 1 10); do redis_up && break; sleep 1; done
fi
redis_up && echo "Redis: up" || echo "Redis: down (not needed yet)"
exit 0
