// Validates Kubernetes manifests (a multi-document YAML stream on stdin, e.g. `helm template` output) against the
// Kubernetes OpenAPI schemas that kubernetes-models carries, offline. One line per problem; exit 1 when there is any.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const text = readFileSync(0, "utf8");
const problems = [];
let checked = 0;
for (const document of parseAllDocuments(text)) {
  if (document.errors.length) {
    problems.push(`YAML: ${document.errors.map((e) => e.message).join("; ")}`);
    continue;
  }
  const manifest = document.toJS();
  if (manifest == null) continue;
  const { apiVersion, kind } = manifest;
  const name = `${kind ?? "?"}/${manifest.metadata?.name ?? "?"}`;
  if (!apiVersion || !kind) {
    problems.push(`${name}: apiVersion and kind are required`);
    continue;
  }
  const group = apiVersion.includes("/") ? apiVersion : `core/${apiVersion}`;
  const path = group.startsWith("core/") ? `kubernetes-models/${group.slice(5)}/${kind}` : `kubernetes-models/${group}/${kind}`;
  let Model;
  try {
    Model = (await import(path))[kind];
  } catch {
    problems.push(`${name}: unknown apiVersion/kind ${apiVersion} ${kind}`);
    continue;
  }
  try {
    new Model(manifest).validate();
    checked++;
  } catch (e) {
    problems.push(`${name}: ${e.message}`);
  }
}
for (const p of problems) console.log(p);
console.log(`${checked} manifest(s) valid, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
