#!/usr/bin/env bash
# Adds a migration with the same name for both providers: ./scripts/add-migration.sh AddSomething
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for provider in Postgres Sqlite; do
  dotnet ef migrations add "$name" --project src/InvestmentPlatform.Data \
    --context "${provider}PlatformDbContext" --output-dir "Migrations/$provider"
done
