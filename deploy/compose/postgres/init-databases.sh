#!/usr/bin/env bash
# Runs once, on the first start of an empty data volume (docker-entrypoint-initdb.d): one database
# per service that owns PostgreSQL data. Each service creates its tables itself (Flyway).
set -euo pipefail

for db in orders payments users inventory returns; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -c "CREATE DATABASE \"$db\""
done
