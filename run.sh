#!/usr/bin/env bash
# Runs the whole platform in one process (embedded mode: SQLite under ./data, in-memory bus) on http://localhost:8080.
# Extra arguments go to the host, e.g. ./run.sh --urls http://0.0.0.0:9000
set -euo pipefail
cd "$(dirname "$0")"

# The modules compile while the dashboard builds; the host itself compiles after it, because its build lists the
# files in wwwroot that the dashboard build replaces.
build_log=$(mktemp)
dotnet build src/InvestmentPlatform.Api -c Release -nologo -v quiet >"$build_log" 2>&1 &
modules_build=$!

index=src/InvestmentPlatform.Host/wwwroot/index.html
if [ ! -f "$index" ] || [ -n "$(find frontend/src frontend/index.html frontend/package.json -newer "$index" -print -quit)" ]; then
  echo "Building the dashboard..."
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
fi

if ! wait "$modules_build" || ! dotnet build src/InvestmentPlatform.Host -c Release -nologo -v quiet >>"$build_log" 2>&1; then
  cat "$build_log"; echo "The host did not build." >&2; exit 1
fi
rm -f "$build_log"

export Database__DataDirectory="${Database__DataDirectory:-$PWD/data}"
exec dotnet run --project src/InvestmentPlatform.Host -c Release --no-build -- "$@"
