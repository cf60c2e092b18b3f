// Known-answer oracle for CognitoSrpClient: drives amazon-cognito-identity-js's own USER_SRP_AUTH flow
// (CognitoUser.authenticateUser) against a stubbed Cognito client, with the private value `a` and the clock fixed,
// and prints what the library would send: SRP_A from InitiateAuth and the PASSWORD_VERIFIER answer.
//
// Usage: node srp-kat.js <peers/node_modules>   (stdin: JSON array of vectors; stdout: JSON array of results)
// Vector: { poolId, clientId, username, userIdForSrp, password, aHex, srpBHex, saltHex, secretBlock, nowMillis }
// The clock is fixed by replacing the global Date, so TIMESTAMP comes from the library's own DateHelper.
'use strict';

const path = require('path');

const nodeModules = process.argv[2];
if (!nodeModules) {
	throw new Error('usage: node srp-kat.js <node_modules>');
}

const lib = path.join(nodeModules, 'amazon-cognito-identity-js', 'lib');
const { CognitoUserPool, CognitoUser, AuthenticationDetails } = require(lib);
const AuthenticationHelper = require(path.join(lib, 'AuthenticationHelper')).default;
const BigInteger = require(path.join(lib, 'BigInteger')).default;

const RealDate = Date;

function run(vector) {
	return new Promise((resolve, reject) => {
		// Fix the two sources of variation the library draws itself: the private value and the clock.
		AuthenticationHelper.prototype.generateRandomSmallA = () => new BigInteger(vector.aHex, 16);
		global.Date = class extends RealDate {
			constructor(...args) {
				if (args.length === 0) {
					super(vector.nowMillis);
				} else {
					super(...args);
				}
			}

			static now() {
				return vector.nowMillis;
			}
		};

		const pool = new CognitoUserPool({ UserPoolId: vector.poolId, ClientId: vector.clientId });
		const result = {};
		pool.client.request = (operation, params, callback) => {
			if (operation === 'InitiateAuth') {
				result.initiateAuth = params;
				callback(null, {
					ChallengeName: 'PASSWORD_VERIFIER',
					Session: 'kat-session',
					ChallengeParameters: {
						USER_ID_FOR_SRP: vector.userIdForSrp,
						SRP_B: vector.srpBHex,
						SALT: vector.saltHex,
						SECRET_BLOCK: vector.secretBlock,
					},
				});
			} else if (operation === 'RespondToAuthChallenge') {
				result.respondToAuthChallenge = params;
				const stop = new Error('kat: captured');
				stop.code = 'KatStop';
				callback(stop, null);
			} else {
				reject(new Error(`unexpected operation ${operation}`));
			}
		};

		const user = new CognitoUser({ Username: vector.username, Pool: pool });
		user.setAuthenticationFlowType('USER_SRP_AUTH');
		const details = new AuthenticationDetails({ Username: vector.username, Password: vector.password });
		user.authenticateUser(details, {
			onSuccess: () => reject(new Error('unexpected success')),
			onFailure: err => {
				if (err && err.code === 'KatStop') {
					const answer = result.respondToAuthChallenge.ChallengeResponses;
					resolve({
						srpA: result.initiateAuth.AuthParameters.SRP_A,
						username: answer.USERNAME,
						timestamp: answer.TIMESTAMP,
						secretBlock: answer.PASSWORD_CLAIM_SECRET_BLOCK,
						signature: answer.PASSWORD_CLAIM_SIGNATURE,
					});
				} else {
					reject(err instanceof Error ? err : new Error(String(err && err.message ? err.message : err)));
				}
			},
		});
	});
}

async function main() {
	let input = '';
	for await (const chunk of process.stdin) {
		input += chunk;
	}

	const vectors = JSON.parse(input);
	const results = [];
	for (const vector of vectors) {
		try {
			results.push(await run(vector));
		} catch (err) {
			results.push({ error: String(err && err.message ? err.message : err) });
		}
	}

	process.stdout.write(JSON.stringify(results));
}

main().catch(err => {
	console.error(err && err.stack ? err.stack : err);
	process.exit(1);
});
