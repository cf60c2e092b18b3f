namespace Exanubes.EncryptionSdk;

/// <summary>
/// Decrypts AWS Encryption SDK messages, such as the <c>code</c> of a Cognito Custom Email Sender event (after
/// base64-decoding it), with one keyring. Decrypt-only, one-shot, spec-exact: message formats 1 and 2, all eleven suites,
/// framed and non-framed bodies.
/// </summary>
/// <remarks>
/// Every byte is treated as hostile: lengths are bounded before allocation, the header tag, key commitment, every frame
/// tag and the ECDSA signature are verified, and the plaintext is returned only after all of them pass. Thread-safe.
/// See <see href="https://docs.aws.amazon.com/encryption-sdk/latest/developer-guide/message-format.html">the message format</see>
/// and <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-email-sender.html">the Custom Email Sender trigger</see>.
/// </remarks>
public sealed class EncryptionSdkDecryptor
{
    private readonly IKeyring _keyring;
    private readonly EncryptionSdkDecryptorOptions _options;

    /// <summary>Creates a decryptor.</summary>
    /// <param name="keyring">Recovers the data key; for Cognito a <see cref="KmsKeyring"/> with the user pool's key ARN.</param>
    /// <param name="options">Policy and limits; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keyring"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public EncryptionSdkDecryptor(IKeyring keyring, EncryptionSdkDecryptorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        options ??= new EncryptionSdkDecryptorOptions();
        options.Validate();
        _keyring = keyring;
        _options = new EncryptionSdkDecryptorOptions
        {
            CommitmentPolicy = options.CommitmentPolicy,
            AllowedAlgorithmSuites = options.AllowedAlgorithmSuites?.ToHashSet(),
            MaxEncryptedDataKeys = options.MaxEncryptedDataKeys,
            MaxMessageSize = options.MaxMessageSize,
            MaxFrameLength = options.MaxFrameLength,
        };
    }

    /// <summary>Decrypts one complete message and verifies everything before returning its plaintext.</summary>
    /// <param name="message">The raw message bytes (not base64: decode Cognito's <c>request.code</c> first).</param>
    /// <param name="requiredEncryptionContext">
    /// Pairs the message's encryption context must hold, for a Custom Email Sender <c>userpool-id</c> = the event's user
    /// pool id; pairs the header does not store are authenticated as the ESDK's "required encryption context".
    /// </param>
    /// <param name="cancellationToken">Cancels the keyring's call to KMS.</param>
    /// <returns>The plaintext, the encryption context, the suite and the message version.</returns>
    /// <exception cref="EncryptionSdkMalformedMessageException">The input is not a well-formed message (or is base64 text).</exception>
    /// <exception cref="EncryptionSdkAuthenticationException">A tag, the key commitment or the signature does not verify.</exception>
    /// <exception cref="EncryptionSdkNoMatchingDataKeyException">No encrypted data key is one the keyring is configured for.</exception>
    /// <exception cref="EncryptionSdkKmsException">KMS failed or denied the data key (<see cref="EncryptionSdkKmsAccessDeniedException"/>).</exception>
    /// <exception cref="EncryptionSdkEncryptionContextMismatchException">A required encryption-context pair is missing or differs.</exception>
    /// <exception cref="EncryptionSdkLimitExceededException">The message exceeds a limit of the options.</exception>
    /// <exception cref="EncryptionSdkUnsupportedException">The version or suite is unknown or refused by the commitment policy.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<DecryptedMessage> DecryptAsync(
        ReadOnlyMemory<byte> message,
        IReadOnlyDictionary<string, string>? requiredEncryptionContext = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (message.Length > _options.MaxMessageSize)
        {
            throw new EncryptionSdkLimitExceededException($"the message is {message.Length} bytes, more than MaxMessageSize ({_options.MaxMessageSize})");
        }

        // Parse and verify a private copy: a caller changing its buffer during the KMS call cannot desynchronise the two.
        message = message.ToArray();
        var parsed = ParsedMessage.Parse(message, _options);
        var (context, authenticateOnly, authenticateOnlyKeys) = ApplyRequiredContext(parsed.EncryptionContext, requiredEncryptionContext);
        var publicKey = ReadPublicKey(parsed, context);

        var request = new KeyringDecryptionRequest(parsed.Suite, parsed.EncryptedDataKeys, context);
        var dataKey = await _keyring.DecryptDataKeyAsync(request, cancellationToken).ConfigureAwait(false)
            ?? throw NoMatch(parsed);
        try
        {
            if (dataKey.Length != request.DataKeyLength)
            {
                throw new EncryptionSdkException(
                    $"the keyring returned a {dataKey.Length}-byte data key; suite 0x{(ushort)parsed.Suite:X4} needs {request.DataKeyLength} bytes");
            }

            var plaintext = MessageCrypto.DecryptAndVerify(message.Span, parsed, dataKey, authenticateOnly, authenticateOnlyKeys, publicKey);
            return new DecryptedMessage(plaintext, parsed.EncryptionContext.AsReadOnly(), parsed.Suite, parsed.Version);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private static (IReadOnlyDictionary<string, string> Context, byte[] AuthenticateOnly, IReadOnlyCollection<string> AuthenticateOnlyKeys) ApplyRequiredContext(
        Dictionary<string, string> header,
        IReadOnlyDictionary<string, string>? required)
    {
        if (required is null || required.Count == 0)
        {
            return (header, [], []);
        }

        Dictionary<string, string>? extra = null;
        foreach (var (key, value) in required)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(required));
            ArgumentNullException.ThrowIfNull(value, nameof(required));
            if (header.TryGetValue(key, out var actual))
            {
                if (!string.Equals(actual, value, StringComparison.Ordinal))
                {
                    throw new EncryptionSdkEncryptionContextMismatchException(
                        $"the message's encryption context has {key} = '{(key.StartsWith("aws-crypto-", StringComparison.Ordinal) ? "…" : UntrustedText.Safe(actual))}', but '{value}' is required");
                }
            }
            else
            {
                (extra ??= new Dictionary<string, string>(StringComparer.Ordinal)).Add(key, value);
            }
        }

        if (extra is null)
        {
            return (header, [], []);
        }

        var full = new Dictionary<string, string>(header, StringComparer.Ordinal);
        foreach (var (key, value) in extra)
        {
            full.Add(key, value);
        }

        return (full, EncryptionContextSerializer.Serialize(extra), extra.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    private static byte[]? ReadPublicKey(ParsedMessage parsed, IReadOnlyDictionary<string, string> context)
    {
        var signing = AlgorithmSuites.IsSigning(parsed.Suite);
        if (!signing)
        {
            if (context.ContainsKey(EcPublicKey.ContextKey))
            {
                throw new EncryptionSdkEncryptionContextMismatchException(
                    $"suite 0x{(ushort)parsed.Suite:X4} does not sign, but the encryption context holds {EcPublicKey.ContextKey}");
            }

            return null;
        }

        if (!parsed.EncryptionContext.TryGetValue(EcPublicKey.ContextKey, out var encoded))
        {
            throw new EncryptionSdkEncryptionContextMismatchException(
                $"suite 0x{(ushort)parsed.Suite:X4} signs, but the encryption context has no {EcPublicKey.ContextKey}");
        }

        return EcPublicKey.DecodeCompressed(encoded, AlgorithmSuites.SignatureFieldSize(parsed.Suite));
    }

    private EncryptionSdkNoMatchingDataKeyException NoMatch(ParsedMessage parsed)
    {
        var found = string.Join(", ", parsed.EncryptedDataKeys.Select(Describe));
        return _keyring is KmsKeyring kms
            ? new($"no encrypted data key matches the configured key ARN {string.Join(" or ", kms.KeyArns)} (found: {found})")
            : new($"no encrypted data key matches the keyring (found: {found})");
    }

    private static string Describe(EncryptedDataKey edk)
    {
        if (string.Equals(edk.ProviderId, KmsKeyring.ProviderId, StringComparison.Ordinal))
        {
            try
            {
                return $"{UntrustedText.Safe(edk.ProviderId)} {UntrustedText.Safe(EncryptionContextSerializer.Utf8.GetString(edk.ProviderInfo.Span))}";
            }
            catch (System.Text.DecoderFallbackException)
            {
                // fall through to the generic form
            }
        }

        return $"{UntrustedText.Safe(edk.ProviderId)} ({edk.ProviderInfo.Length}-byte provider info)";
    }
}
