// Known-answer oracle for the device half of remembered devices: drives amazon-cognito-identity-js's own flows
// against a stubbed Cognito client, with its random draws and the clock fixed, and prints what the library sends:
//   1. confirm: USER_SRP_AUTH returns NewDeviceMetadata, the library computes DeviceSecretVerifierConfig and calls
//      ConfirmDevice (captured);
//   2. signIn: with that device cached, the library adds DEVICE_KEY to its PASSWORD_VERIFIER answer; the stub then
//      asks for DEVICE_SRP_AUTH, and the library answers it and DEVICE_PASSWORD_VERIFIER (both captured).
//
// Usage: node device-srp-kat.js <peers/node_modules>   (stdin: JSON array of vectors; stdout: JSON array of results)
// Vector: { poolId, clientId, username, userIdForSrp, password, aHex, srpBHex, saltHex, secretBlock, nowMillis,
//           deviceKey, deviceGroupKey, devicePassword, deviceSaltHex, deviceSrpBHex, deviceChallengeSaltHex,
//           deviceSecretBlock }
'use strict';

const path = require('path');

const nodeModules = process.argv[2];
if (!nodeModules) {
	throw new Error('usage: node device-srp-kat.js <node_modules>');
}

const lib = path.join(nodeModules, 'amazon-cognito-identity-js', 'lib');
const { CognitoUserPool, CognitoUser, AuthenticationDetails } = require(lib);
const AuthenticationHelper = require(path.join(lib, 'AuthenticationHelper')).default;
const BigInteger = require(path.join(lib, 'BigInteger')).default;
const WordArray = require(path.join(lib, 'utils', 'WordArray')).default;

const RealDate = Date;

function fixRandomAndClock(vector) {
	AuthenticationHelper.prototype.generateRandomSmallA = () => new BigInteger(vector.aHex, 16);
	AuthenticationHelper.prototype.generateRandomString = () => vector.devicePassword;
	// The only other draw in these flows is the 16-byte device salt (randomBytes → WordArray.random).
	WordArray.prototype.random = () => ({ toString: () => vector.deviceSaltHex });
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
}

function memoryStorage(initial) {
	const items = { ...initial };
	return {
		setItem: (k, v) => { items[k] = String(v); },
		getItem: k => (Object.prototype.hasOwnProperty.call(items, k) ? items[k] : null),
		removeItem: k => { delete items[k]; },
		clear: () => { for (const k of Object.keys(items)) delete items[k]; },
	};
}

function fakeJwt(vector) {
	const b64 = o => Buffer.from(JSON.stringify(o)).toString('base64url');
	const now = Math.floor(vector.nowMillis / 1000);
	return `${b64({ alg: 'none' })}.${b64({ username: vector.userIdForSrp, iat: now, exp: now + 3600 })}.sig`;
}

function passwordVerifierChallenge(vector) {
	return {
		ChallengeName: 'PASSWORD_VERIFIER',
		Session: 'kat-session-1',
		ChallengeParameters: {
			USER_ID_FOR_SRP: vector.userIdForSrp,
			SRP_B: vector.srpBHex,
			SALT: vector.saltHex,
			SECRET_BLOCK: vector.secretBlock,
		},
	};
}

function confirm(vector) {
	return new Promise((resolve, reject) => {
		const pool = new CognitoUserPool({ UserPoolId: vector.poolId, ClientId: vector.clientId, Storage: memoryStorage({}) });
		const captured = {};
		pool.client.request = (operation, params, callback) => {
			if (operation === 'InitiateAuth') {
				callback(null, passwordVerifierChallenge(vector));
			} else if (operation === 'RespondToAuthChallenge') {
				callback(null, {
					AuthenticationResult: {
						AccessToken: fakeJwt(vector),
						IdToken: fakeJwt(vector),
						RefreshToken: 'kat-refresh',
						ExpiresIn: 3600,
						TokenType: 'Bearer',
						NewDeviceMetadata: { DeviceKey: vector.deviceKey, DeviceGroupKey: vector.deviceGroupKey },
					},
				});
			} else if (operation === 'ConfirmDevice') {
				captured.confirmDevice = params;
				callback(null, { UserConfirmationNecessary: false });
			} else {
				reject(new Error(`unexpected operation ${operation}`));
			}
		};

		const user = new CognitoUser({ Username: vector.username, Pool: pool, Storage: pool.storage });
		user.setAuthenticationFlowType('USER_SRP_AUTH');
		user.authenticateUser(new AuthenticationDetails({ Username: vector.username, Password: vector.password }), {
			onSuccess: () => {
				if (!captured.confirmDevice) {
					reject(new Error('ConfirmDevice was not called'));
					return;
				}

				const config = captured.confirmDevice.DeviceSecretVerifierConfig;
				resolve({ deviceKey: captured.confirmDevice.DeviceKey, salt: config.Salt, passwordVerifier: config.PasswordVerifier });
			},
			onFailure: err => reject(err instanceof Error ? err : new Error(String(err && err.message ? err.message : err))),
		});
	});
}

function signIn(vector) {
	return new Promise((resolve, reject) => {
		// The library keys its device cache by the internal user name (USER_ID_FOR_SRP), read after InitiateAuth.
		const prefix = `CognitoIdentityServiceProvider.${vector.clientId}.${vector.userIdForSrp}`;
		const storage = memoryStorage({
			[`${prefix}.deviceKey`]: vector.deviceKey,
			[`${prefix}.randomPasswordKey`]: vector.devicePassword,
			[`${prefix}.deviceGroupKey`]: vector.deviceGroupKey,
		});
		const pool = new CognitoUserPool({ UserPoolId: vector.poolId, ClientId: vector.clientId, Storage: storage });
		const captured = {};
		pool.client.request = (operation, params, callback) => {
			if (operation === 'InitiateAuth') {
				captured.initiateAuth = params;
				callback(null, passwordVerifierChallenge(vector));
			} else if (operation === 'RespondToAuthChallenge' && params.ChallengeName === 'PASSWORD_VERIFIER') {
				captured.passwordVerifier = params;
				callback(null, { ChallengeName: 'DEVICE_SRP_AUTH', Session: 'kat-session-2', ChallengeParameters: {} });
			} else if (operation === 'RespondToAuthChallenge' && params.ChallengeName === 'DEVICE_SRP_AUTH') {
				captured.deviceSrpAuth = params;
				callback(null, {
					ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
					Session: 'kat-session-3',
					ChallengeParameters: {
						SRP_B: vector.deviceSrpBHex,
						SALT: vector.deviceChallengeSaltHex,
						SECRET_BLOCK: vector.deviceSecretBlock,
					},
				});
			} else if (operation === 'RespondToAuthChallenge' && params.ChallengeName === 'DEVICE_PASSWORD_VERIFIER') {
				captured.devicePasswordVerifier = params;
				const stop = new Error('kat: captured');
				stop.code = 'KatStop';
				callback(stop, null);
			} else {
				reject(new Error(`unexpected operation ${operation} ${params && params.ChallengeName}`));
			}
		};

		const user = new CognitoUser({ Username: vector.username, Pool: pool, Storage: storage });
		user.setAuthenticationFlowType('USER_SRP_AUTH');
		user.authenticateUser(new AuthenticationDetails({ Username: vector.username, Password: vector.password }), {
			onSuccess: () => reject(new Error('unexpected success')),
			onFailure: err => {
				if (err && err.code === 'KatStop') {
					const srp = captured.deviceSrpAuth.ChallengeResponses;
					const answer = captured.devicePasswordVerifier.ChallengeResponses;
					resolve({
						initiateDeviceKey: captured.initiateAuth.AuthParameters.DEVICE_KEY || null,
						passwordVerifierDeviceKey: captured.passwordVerifier.ChallengeResponses.DEVICE_KEY || null,
						deviceSrpAuth: { username: srp.USERNAME, deviceKey: srp.DEVICE_KEY, srpA: srp.SRP_A, session: captured.deviceSrpAuth.Session },
						devicePasswordVerifier: {
							username: answer.USERNAME,
							deviceKey: answer.DEVICE_KEY,
							timestamp: answer.TIMESTAMP,
							secretBlock: answer.PASSWORD_CLAIM_SECRET_BLOCK,
							signature: answer.PASSWORD_CLAIM_SIGNATURE,
							session: captured.devicePasswordVerifier.Session,
						},
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

	const results = [];
	for (const vector of JSON.parse(input)) {
		fixRandomAndClock(vector);
		try {
			results.push({ confirm: await confirm(vector), signIn: await signIn(vector) });
		} catch (err) {
			results.push({ error: String(err && err.stack ? err.stack : err) });
		}
	}

	process.stdout.write(JSON.stringify(results));
}

main().catch(err => {
	console.error(err && err.stack ? err.stack : err);
	process.exit(1);
});
