// Oracle for SECRET_HASH: Node's own crypto computes Base64(HMAC-SHA256(key = client secret, message = username +
// client id)) for each input. stdin: JSON array of { username, clientId, clientSecret }; stdout: JSON array of strings.
'use strict';

const crypto = require('crypto');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => {
	input += chunk;
});
process.stdin.on('end', () => {
	const hashes = JSON.parse(input).map(({ username, clientId, clientSecret }) =>
		crypto.createHmac('sha256', Buffer.from(clientSecret, 'utf8')).update(Buffer.from(username + clientId, 'utf8')).digest('base64'));
	process.stdout.write(JSON.stringify(hashes));
});
