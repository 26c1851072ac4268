#!/usr/bin/env bash
# Lints Pledge's API descriptions with two standard linters and fails on any problem (warnings included):
#   docs/api/<service>.openapi.json   the four services' OpenAPI 3.1 descriptions, as they serve them at /v3/api-docs
#                                     (each service's ApiDescriptionIT fails when they differ; regenerate.sh rewrites them)
#   contracts/.../asyncapi.yaml       the Kafka topics and integration events (AsyncAPI 3.0)
# with Redocly CLI (recommended-strict plus redocly.yaml) and Spectral (spectral:oas, spectral:asyncapi, .spectral.yaml).
# The linters' versions are pinned in package.json and package-lock.json and installed with npm ci.
#
#   tools/api-lint/lint.sh            # from anywhere; needs Node.js 20+ and npm (installed from Debian if missing)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "api-lint: Node.js/npm missing, installing them from Debian"
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi
echo "api-lint: node $(node --version), npm $(npm --version)"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true SCARF_ANALYTICS=false NO_UPDATE_NOTIFIER=1

openapi=()
for service in case-service feedback-service notification-service guarantee-service; do
  file="$root/docs/api/$service.openapi.json"
  [ -f "$file" ] || { echo "api-lint: $file is missing (tools/api-lint/regenerate.sh writes it)"; exit 1; }
  openapi+=("$file")
done
asyncapi="$root/contracts/src/main/resources/org/pledge/contracts/asyncapi.yaml"

failed=()
echo "== Redocly CLI $(node_modules/.bin/redocly --version 2>/dev/null | tail -1): recommended-strict + redocly.yaml"
node_modules/.bin/redocly lint --config redocly.yaml "${openapi[@]}" "$asyncapi" || failed+=(Redocly)
echo "== Spectral $(node_modules/.bin/spectral --version): spectral:oas + spectral:asyncapi + .spectral.yaml, failing on warnings"
node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity=warn "${openapi[@]}" "$asyncapi" || failed+=(Spectral)

if [ ${#failed[@]} -gt 0 ]; then
  echo "api-lint: FAILED (${failed[*]}): fix the description, or the annotations and customizer it comes from, then run" \
       "tools/api-lint/regenerate.sh"
  exit 1
fi
echo "api-lint: 0 problems in ${#openapi[@]} OpenAPI descriptions and 1 AsyncAPI document"
