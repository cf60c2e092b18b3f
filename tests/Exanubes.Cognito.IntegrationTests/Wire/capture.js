// Wire oracle: runs the official @aws-sdk/client-cognito-identity-provider against a loopback capture server and
// prints, for each case, the request the SDK sent and what the SDK made of the canned response.
//
// Usage: node capture.js <peers/node_modules>
// stdin:  JSON array of { action, input, response?: { status, body } }   (response defaults to 200 "{}")
// stdout: JSON array of { action, request: { method, path, headers, body, bodyBase64 }, output?, error? }
//         (body is the parsed JSON; bodyBase64 the exact bytes the SDK sent)
// Fixed region (eu-west-1) and dummy static credentials, so admin calls carry a real SigV4 Authorization header.
'use strict';

const http = require('http');
const path = require('path');

const nodeModules = process.argv[2];
if (!nodeModules) {
	throw new Error('usage: node capture.js <node_modules>');
}

const sdk = require(path.join(nodeModules, '@aws-sdk', 'client-cognito-identity-provider'));

let current = null;

const server = http.createServer((req, res) => {
	const chunks = [];
	req.on('data', chunk => chunks.push(chunk));
	req.on('end', () => {
		const bytes = Buffer.concat(chunks);
		const raw = bytes.toString('utf8');
		current.request = {
			method: req.method,
			path: req.url,
			headers: req.headers,
			body: raw.length === 0 ? null : JSON.parse(raw),
			bodyBase64: bytes.toString('base64'),
		};
		const response = current.response || { status: 200, body: {} };
		const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'capture-request-id' };
		if (response.errorType) {
			headers['x-amzn-errortype'] = response.errorType;
		}

		res.writeHead(response.status, headers);
		res.end(JSON.stringify(response.body));
	});
});

async function run(port, testCase) {
	const Command = sdk[`${testCase.action}Command`];
	if (!Command) {
		return { action: testCase.action, error: { name: 'NoSuchCommand', message: `${testCase.action}Command is not in the SDK` } };
	}

	const client = new sdk.CognitoIdentityProviderClient({
		region: 'eu-west-1',
		endpoint: `http://127.0.0.1:${port}`,
		credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
		maxAttempts: 1,
	});
	current = { response: testCase.response };
	const result = { action: testCase.action };
	try {
		const output = await client.send(new Command(testCase.input));
		delete output.$metadata;
		result.output = output;
	} catch (err) {
		result.error = { name: err.name, message: err.message };
	} finally {
		client.destroy();
	}

	result.request = current.request;
	return result;
}

async function main() {
	let input = '';
	for await (const chunk of process.stdin) {
		input += chunk;
	}

	const cases = JSON.parse(input);
	await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	const results = [];
	for (const testCase of cases) {
		results.push(await run(port, testCase));
	}

	server.close();
	process.stdout.write(JSON.stringify(results));
}

main().catch(err => {
	console.error(err && err.stack ? err.stack : err);
	process.exit(1);
});
