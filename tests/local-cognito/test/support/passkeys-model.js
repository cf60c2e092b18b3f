// The official Cognito API model (botocore's cognito-idp service-2.json.gz, found through python3) and a checker that
// holds a response to an action's output shape: every member name must exist in the shape (recursively), required
// members must be present, enum values must be in the enum. Fails loudly when python3/botocore is missing.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

let model;
function load() {
  if (model) return model;
  const dir = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' }).trim();
  const file = path.join(dir, 'data', 'cognito-idp', '2016-04-18', 'service-2.json.gz');
  model = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'));
  return model;
}

/** The problems of `value` against shape `name` (empty when it conforms). */
function check(shapeName, value, where = shapeName, problems = []) {
  const shape = load().shapes[shapeName];
  if (value === undefined || value === null) return problems;
  if (shape.document) return problems; // a Document member holds any JSON (e.g. CredentialCreationOptions)
  switch (shape.type) {
    case 'structure':
      if (typeof value !== 'object' || Array.isArray(value)) { problems.push(`${where}: not an object`); break; }
      for (const key of Object.keys(value)) {
        if (!shape.members[key]) problems.push(`${where}.${key}: not in the model`);
        else check(shape.members[key].shape, value[key], `${where}.${key}`, problems);
      }
      for (const key of shape.required || []) if (value[key] === undefined) problems.push(`${where}.${key}: required, missing`);
      break;
    case 'list':
      if (!Array.isArray(value)) { problems.push(`${where}: not a list`); break; }
      value.forEach((v, i) => check(shape.member.shape, v, `${where}[${i}]`, problems));
      break;
    case 'map':
      if (typeof value !== 'object') { problems.push(`${where}: not a map`); break; }
      for (const [k, v] of Object.entries(value)) check(shape.value.shape, v, `${where}{${k}}`, problems);
      break;
    case 'string':
      if (typeof value !== 'string') problems.push(`${where}: not a string`);
      else if (shape.enum && !shape.enum.includes(value)) problems.push(`${where}: ${value} not in ${shape.enum}`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${where}: not a boolean`);
      break;
    case 'integer': case 'long':
      if (!Number.isInteger(value)) problems.push(`${where}: not an integer`);
      break;
    case 'timestamp':
      if (typeof value !== 'number') problems.push(`${where}: not epoch seconds`);
      break;
    default:
      break; // document: any JSON
  }
  return problems;
}

function outputShape(action) {
  const op = load().operations[action];
  if (!op) throw new Error(`${action} is not a Cognito action`);
  return op.output && op.output.shape;
}

function errorShapes(action) {
  return (load().operations[action].errors || []).map((e) => e.shape);
}

module.exports = { load, check, outputShape, errorShapes };
