#!/usr/bin/env bash
# Prints the path of one product that the given service serves with 200 (a read by id), for the
# gateway benchmarks; fails when there is none. The id is the first item's own, not one of the ids
# nested in it (brand, category): a benchmark of a path that answers 404 measures nothing useful.
#
#   e2e/bench/product-path.sh [service url, default http://localhost:8001]
set -euo pipefail
direct="${1:-http://localhost:8001}"
id="$(curl -fsS "$direct/api/v1/products?size=1" | grep -o '"items":\[{"id":"[^"]*"' | sed 's/.*"id":"//; s/"$//' || true)"
[ -n "$id" ] || { echo "no product found at $direct; is the fleet up?" >&2; exit 1; }
path="/api/v1/products/$id"
curl -fsS -o /dev/null -H 'Accept: application/json' "$direct$path" \
  || { echo "$direct$path does not answer 200" >&2; exit 1; }
echo "$path"
