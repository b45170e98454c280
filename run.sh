#!/usr/bin/env bash
# Runs the whole platform in one process (embedded mode: SQLite under ./data, in-memory bus) on http://localhost:8080.
# Extra arguments go to the host, e.g. ./run.sh --urls http://0.0.0.0:9000
set -euo pipefail
cd "$(dirname "$0")"

index=src/InvestmentPlatform.Host/wwwroot/index.html
if [ ! -f "$index" ] || [ -n "$(find frontend/src frontend/index.html frontend/package.json -newer "$index" -print -quit)" ]; then
  echo "Building the dashboard..."
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
fi

export Database__DataDirectory="${Database__DataDirectory:-$PWD/data}"
exec dotnet run --project src/InvestmentPlatform.Host -c Release -- "$@"
