// The project's one local Cognito: cognito-local 5.3.0 (npm, pinned in peers/package-lock.json) extended with the
// targets and checks it lacks. Test infrastructure only; no product code references it.
//
// Every file in extensions/ is one emulated target or one behaviour. Each exports `apply(env)`, called in file-name
// order before cognito-local starts. `env` gives:
//   env.lib(p)        require a module of cognito-local's lib/ (e.g. env.lib('targets/targets'))
//   env.Targets       cognito-local's target table (add or wrap entries here)
//   env.errors        cognito-local's error classes (lib/errors)
//   env.require(name) require an npm peer resolved from cognito-local's install (e.g. '@aws-crypto/client-node')
//   env.wrapTarget(name, wrap)  replace Targets[name] with wrap(originalFactory) (original may be undefined)
//   env.switches      the checks switched off for negative tests: LOCAL_COGNITO_OFF=name,name (each check names itself)
//   env.enabled(name) false when that check is switched off
//   env.guard(select, hook)  run hook(services, ctx, req, target) before every target select(target, req) picks;
//                     guards wrap the final target table (after every extension), outermost, in registration order,
//                     so a check also covers targets other extensions add or wrap later in name order
// COGNITO_LOCAL_DIR may point at node_modules/cognito-local; by default it is found from peers/.
'use strict';
const path = require('path');
const fs = require('fs');

function cognitoLocalDir() {
  if (process.env.COGNITO_LOCAL_DIR) return process.env.COGNITO_LOCAL_DIR;
  return path.resolve(__dirname, '..', '..', 'peers', 'node_modules', 'cognito-local');
}

function createEnv(root) {
  const lib = (p) => require(path.join(root, 'lib', p));
  const { Targets } = lib('targets/targets');
  const switches = new Set((process.env.LOCAL_COGNITO_OFF || '').split(',').map((s) => s.trim()).filter(Boolean));
  const guards = [];
  return {
    root,
    lib,
    Targets,
    errors: lib('errors'),
    require: (name) => require(require.resolve(name, { paths: [root, __dirname] })),
    wrapTarget(name, wrap) {
      Targets[name] = wrap(Targets[name]);
    },
    switches,
    enabled: (name) => !switches.has(name),
    guard(select, hook) {
      guards.push({ select, hook });
    },
    guards,
  };
}

function applyGuards(env) {
  const { Targets, guards } = env;
  for (const name of Object.keys(Targets)) {
    const original = Targets[name];
    Targets[name] = (services) => {
      const target = original(services);
      return async (ctx, req) => {
        for (const { select, hook } of guards) {
          if (select(name, req || {})) await hook(services, ctx, req || {}, name);
        }
        return target(ctx, req);
      };
    };
  }
}

function applyExtensions(env) {
  const dir = path.join(__dirname, 'extensions');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
  for (const file of files) {
    const ext = require(path.join(dir, file));
    if (typeof ext.apply !== 'function') throw new Error(`extensions/${file} exports no apply(env)`);
    ext.apply(env);
  }
  applyGuards(env);
  return files;
}

module.exports = { cognitoLocalDir, createEnv, applyExtensions };

if (require.main === module) {
  const root = cognitoLocalDir();
  if (!fs.existsSync(path.join(root, 'lib', 'bin', 'start.js'))) {
    console.error(`cognito-local not found at ${root}: run npm ci in peers/ (or set COGNITO_LOCAL_DIR)`);
    process.exit(2);
  }
  const env = createEnv(root);
  applyExtensions(env);
  require(path.join(root, 'lib', 'bin', 'start.js'));
}
