// USER_AUTH's EMAIL_OTP and SMS_OTP first factors: the code goes out when the challenge starts (PREFERRED_CHALLENGE or
// SELECT_CHALLENGE ANSWER) and is answered with RespondToAuthChallenge EMAIL_OTP { USERNAME, EMAIL_OTP_CODE } or
// SMS_OTP { USERNAME, SMS_OTP_CODE } (API reference, RespondToAuthChallenge ChallengeResponses). The challenge
// parameters say where the code went: CODE_DELIVERY_DELIVERY_MEDIUM, CODE_DELIVERY_DESTINATION (masked).
// Delivery, expiry (check code-expiry) and single use (check code-single-use): lib/sign-in-codes.js.
'use strict';
const auth = require('../lib/auth');
const factors = require('../lib/first-factors');
const codes = require('../lib/sign-in-codes');

exports.apply = (env) => {
  const { attributeValue } = env.lib('services/userPoolService');
  for (const [factor, medium, attribute] of [['EMAIL_OTP', 'EMAIL', 'email'], ['SMS_OTP', 'SMS', 'phone_number']]) {
    factors.register(factor, {
      challenges: [factor],
      has: ({ user }) => !!attributeValue(attribute, user.Attributes),
      start: async (args) => {
        const parameters = await codes.deliver(env, { ...args, medium, clientMetadata: args.state.clientMetadata });
        return auth.challenge(factor, parameters, args.state);
      },
    });
    auth.onChallenge(env, factor, async (args) => {
      const { req, state } = args;
      await codes.redeem(env, { ...args, medium, given: req.ChallengeResponses[`${factor}_CODE`] });
      return auth.issueTokens({ ...args, clientMetadata: req.ClientMetadata ?? state.clientMetadata });
    });
  }
};
