// USER_AUTH's first factors. API reference: SignInPolicyType.AllowedFirstAuthFactors ("The sign-in methods that a user
// pool supports as the first factor"; AuthFactorType PASSWORD | EMAIL_OTP | SMS_OTP | WEB_AUTHN; Cognito's default is
// PASSWORD), InitiateAuthResponse.AvailableChallenges ("the available authentication challenges that users can select
// from in choice-based authentication"), GetUserAuthFactorsResponse.ConfiguredUserAuthFactors ("The authentication
// types that are available to the user with USER_AUTH sign-in"). A factor is offered when the pool allows it and the
// user has it (a password, an email, a phone number, a passkey). Each factor's extension registers itself here.
'use strict';
const factors = new Map();

/** factor: AuthFactorType; challenges: the ChallengeNameType values it offers; has(args): the user has it. */
function register(factor, { challenges, has, start }) {
  factors.set(factor, { challenges, has, start });
}

function allowed(userPool) {
  const policy = userPool.options.Policies && userPool.options.Policies.SignInPolicy;
  return (policy && policy.AllowedFirstAuthFactors) || ['PASSWORD'];
}

/** The AuthFactorType values the pool allows and this user has, in the pool's order. */
async function configured(args) {
  const out = [];
  for (const factor of allowed(args.userPool)) {
    const f = factors.get(factor);
    if (f && (await f.has(args))) out.push(factor);
  }
  return out;
}

/** The challenges for AvailableChallenges / SELECT_CHALLENGE. */
async function availableChallenges(args) {
  return (await configured(args)).flatMap((factor) => factors.get(factor).challenges);
}

/** The start function for a challenge name, or undefined. */
function starter(challengeName) {
  for (const f of factors.values()) if (f.challenges.includes(challengeName)) return f.start;
  return undefined;
}

module.exports = { register, allowed, configured, availableChallenges, starter };
