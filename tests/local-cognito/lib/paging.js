// Opaque paging tokens for the list actions (ListDevices PaginationToken, ListWebAuthnCredentials NextToken): "The
// pagination token is an identifier that you can present in an additional API request with the same parameters"
// (API reference). The token is the base64url of the next offset; a token that does not parse is
// InvalidParameterException.
'use strict';
function page(env, items, limit, token, max) {
  const { InvalidParameterError } = env.errors;
  if (limit !== undefined && limit !== null && (!Number.isInteger(limit) || limit < 0 || limit > max)) {
    throw new InvalidParameterError(`Limit must be an integer from 0 to ${max}.`);
  }
  const size = limit || max;
  let offset = 0;
  if (token !== undefined && token !== null) {
    const decoded = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, 'base64url').toString('utf8') : '';
    const m = /^offset:(\d+)$/.exec(decoded);
    if (!m) throw new InvalidParameterError('Invalid pagination token.');
    offset = Number(m[1]);
  }
  const slice = items.slice(offset, offset + size);
  const next = offset + size < items.length ? Buffer.from(`offset:${offset + size}`, 'utf8').toString('base64url') : undefined;
  return { slice, next };
}
module.exports = { page };
