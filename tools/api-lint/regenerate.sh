#!/usr/bin/env bash
# Rewrites docs/api/<service>.openapi.json from what each service serves at /v3/api-docs: runs every service's
# ApiDescriptionIT with -Dpledge.api-docs.write=true (the services start on the embedded Kafka and MongoDB, about
# 5 minutes on 2 cores), which also checks the documented roles against real requests. Then review the diff with
# git diff docs/api and lint with tools/api-lint/lint.sh.
#
#   tools/api-lint/regenerate.sh [maven options]      # e.g. -o to stay offline
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q "$@" -pl case-service,feedback-service,notification-service,guarantee-service -am verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ApiDescriptionIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dpledge.api-docs.write=true
git status --short docs/api
