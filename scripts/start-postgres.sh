#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL from Debian for the test suite, and creates the
# `gongkai` superuser role the tests use to create and drop their own databases.
# Prints the DATABASE_URL to use on its last line.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -p $port" && break
  sleep 1
done
su postgres -c "psql -q -p $port -tc \"SELECT 1 FROM pg_roles WHERE rolname='gongkai'\"" | grep -q 1 ||
  su postgres -c "psql -q -p $port -c \"CREATE ROLE gongkai LOGIN SUPERUSER PASSWORD 'gongkai'\""
su postgres -c "psql -q -p $port -tc \"SELECT 1 FROM pg_database WHERE datname='gongkai'\"" | grep -q 1 ||
  su postgres -c "psql -q -p $port -c \"CREATE DATABASE gongkai OWNER gongkai\""
echo "postgres://gongkai:gongkai@127.0.0.1:$port/gongkai"
