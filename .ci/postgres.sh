# Sourced by .ci/run (and usable by hand: `source .ci/postgres.sh`): installs Debian's postgresql if
# needed, starts a test cluster under /tmp as the postgres user, creates the role and database, and
# exports MARSAD_TEST_PG for the store tests.
if [ -z "${MARSAD_TEST_PG:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_data=/tmp/marsad-pg/data
  pg_port=54329
  if [ ! -f "$pg_data/PG_VERSION" ]; then
    mkdir -p /tmp/marsad-pg && chown postgres:postgres /tmp/marsad-pg
    su postgres -s /bin/sh -c "$pg_bin/initdb -D $pg_data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  if ! su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D $pg_data status" >/dev/null 2>&1; then
    su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D $pg_data -l /tmp/marsad-pg/server.log -w -o '-p $pg_port -k /tmp/marsad-pg -c listen_addresses=localhost -c max_connections=200' start" >/dev/null
  fi
  psql_pg() { su postgres -s /bin/sh -c "$pg_bin/psql -h /tmp/marsad-pg -p $pg_port -U postgres -v ON_ERROR_STOP=1 -qtA -c \"$1\""; }
  if [ "$(psql_pg "SELECT 1 FROM pg_roles WHERE rolname='marsad'")" != "1" ]; then
    psql_pg "CREATE ROLE marsad LOGIN PASSWORD 'marsad'" >/dev/null
  fi
  if [ "$(psql_pg "SELECT 1 FROM pg_database WHERE datname='marsad_test'")" != "1" ]; then
    psql_pg "CREATE DATABASE marsad_test OWNER marsad" >/dev/null
  fi
  export MARSAD_TEST_PG="Host=localhost;Port=$pg_port;Username=marsad;Password=marsad;Database=marsad_test"
  echo "PostgreSQL $($pg_bin/postgres --version | awk '{print $3}') for the store tests: ${MARSAD_TEST_PG/Password=marsad/Password=***}"
fi
