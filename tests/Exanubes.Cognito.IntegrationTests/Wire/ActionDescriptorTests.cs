using Exanubes.Cognito.IdentityProvider;

namespace Exanubes.Cognito.IntegrationTests.Wire;

/// <summary>
/// The meta-test over every action descriptor: each has a wire-equality case against the official JS SDK
/// (Fixtures/requests.json, run by <see cref="WireRequestTests"/>), and each agrees with the official API model: the
/// action exists, its signing and context match, and our request and response shapes use only the model's members, with
/// the model's types, and every member the model requires.
/// </summary>
public sealed class ActionDescriptorTests
{
    public static TheoryData<string> ActionNames => [.. ActionDescriptors.All.Select(a => a.Name)];

    [Fact]
    public void Descriptors_AreFoundAndUnique()
    {
        Assert.True(ActionDescriptors.All.Count >= 28, $"only {ActionDescriptors.All.Count} descriptors found");
        Assert.Equal(ActionDescriptors.All.Count, ActionDescriptors.All.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(ActionNames))]
    public void Descriptor_HasAWireEqualityCaseAgainstTheJsSdk(string name)
    {
        Assert.Contains(WireFixture.RequestCases, c => c.Action == name);
    }

    [Fact]
    public void WireCases_NameOnlyKnownActions()
    {
        var names = ActionDescriptors.All.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(WireFixture.RequestCases.Concat(WireFixture.ResponseCases), c => Assert.Contains(c.Action, names));
    }

    [Theory]
    [MemberData(nameof(ActionNames))]
    public void Descriptor_AgreesWithTheOfficialModel(string name)
    {
        var model = CognitoApiModel.Instance;
        var action = ActionDescriptors.Named(name);

        Assert.True(model.HasOperation(name), $"{name} is not an operation of the model");
        Assert.True(action.Signed != model.IsUnsigned(name), $"{name}: Signed is {action.Signed}, the model says {(model.IsUnsigned(name) ? "no auth" : "SigV4")}");
        Assert.Equal(model.Context(name), action.Context);
        Assert.Equal(name + "Request", action.RequestType.Name);
        Assert.Equal(name + "Response", action.ResponseType.Name);

        var disagreements = model.Disagreements(action.RequestType, model.Input(name), name + "Request", requireRequired: true);
        if (model.Output(name) is { } output)
        {
            disagreements.AddRange(model.Disagreements(action.ResponseType, output, name + "Response", requireRequired: false));
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    [Theory]
    [MemberData(nameof(ActionNames))]
    public void Descriptor_EveryContextMemberTheModelAcceptsCanBeSent(string name)
    {
        var action = ActionDescriptors.Named(name);
        var gaps = ContextGaps(action.RequestType, name, action.Context);
        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
    }

    [Theory]
    [MemberData(nameof(ActionNames))]
    public void Descriptor_TakingContext_HasAWireCaseCarryingEveryContextMember(string name)
    {
        var members = ContextMembers.Where(m => CognitoApiModel.Instance.Input(name).GetProperty("members").TryGetProperty(m, out _)).ToList();
        if (members.Count == 0)
        {
            Assert.DoesNotContain(WireFixture.RequestCases, c => c.Action == name && c.Context is not null);
            return;
        }

        // The JS SDK's input of the case holds every context member the model accepts, so the byte-equality test
        // proves our client sends each one from a CognitoCallContext.
        Assert.Contains(WireFixture.RequestCases, c => c.Action == name && c.Context is not null && members.All(m => c.JsInput().ContainsKey(m)));
    }

    [Fact]
    public void ContextGaps_RequestMissingAContextMember_IsReported()
    {
        var gaps = ContextGaps(typeof(NoContextForgotPasswordRequest), "ForgotPassword", CognitoRequestContext.None);

        Assert.Contains(gaps, g => g.Contains("ClientMetadata", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g.Contains("UserContextData", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g.Contains("descriptor", StringComparison.Ordinal));
        Assert.Contains(ContextGaps(typeof(ForgotPasswordRequest), "GetUser", CognitoRequestContext.None), g => g.Contains("not in the model", StringComparison.Ordinal));
    }

    private static readonly string[] ContextMembers = ["ClientMetadata", "UserContextData", "ContextData", "AnalyticsMetadata"];

    /// <summary>
    /// Where a request type cannot carry a context member its model input accepts (or claims one it does not): each
    /// member group is an interface CognitoCallContextWriter fills, so a missing interface means the member is never sent.
    /// </summary>
    private static List<string> ContextGaps(Type requestType, string operation, CognitoRequestContext declared)
    {
        var members = CognitoApiModel.Instance.Input(operation).GetProperty("members");
        bool Model(string member) => members.TryGetProperty(member, out _);
        var gaps = new List<string>();
        void Check(string member, bool model, Type iface)
        {
            var ours = iface.IsAssignableFrom(requestType);
            if (model && !ours)
            {
                gaps.Add($"{operation}: the model accepts {member}, but {requestType.Name} does not implement {iface.Name}, so it is never sent");
            }
            else if (!model && ours)
            {
                gaps.Add($"{operation}: {requestType.Name} implements {iface.Name}, but {member} is not in the model");
            }
        }

        Check("ClientMetadata", Model("ClientMetadata"), typeof(ICognitoClientMetadataRequest));
        Check("UserContextData", Model("UserContextData"), typeof(ICognitoUserContextRequest));
        Check("ContextData", Model("ContextData"), typeof(ICognitoAdminContextRequest));
        if (Model("AnalyticsMetadata") != (Model("UserContextData") || Model("ContextData")))
        {
            gaps.Add($"{operation}: AnalyticsMetadata is accepted without a context shape; no interface carries it alone");
        }

        var expected = Model("UserContextData") ? CognitoRequestContext.UserContextData : Model("ContextData") ? CognitoRequestContext.ContextData : CognitoRequestContext.None;
        if (declared != expected)
        {
            gaps.Add($"{operation}: the descriptor declares {declared}, the model's input takes {expected}");
        }

        return gaps;
    }

    private sealed class NoContextForgotPasswordRequest
    {
        public string ClientId { get; set; } = string.Empty;
    }

    [Theory]
    [MemberData(nameof(ActionNames))]
    public void Descriptor_EveryErrorTheModelListsHasATypedCode(string name)
    {
        var unknown = CognitoApiModel.Instance.Errors(name).Where(e => CognitoErrorMapper.ToCode(e) == CognitoErrorCode.Unknown).ToList();
        Assert.True(unknown.Count == 0, $"{name} can fail with {string.Join(", ", unknown)}, which map to CognitoErrorCode.Unknown");
    }

    [Fact]
    public void ChallengeNames_AreAllInTheModelsEnum()
    {
        var model = CognitoApiModel.Instance.EnumValues("ChallengeNameType");
        var ours = typeof(CognitoChallengeNames).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(ours);
        Assert.All(ours, name => Assert.Contains(name, model));
    }

    [Fact]
    public void Disagreements_WrongMemberNameTypeOrMissingRequired_AreEachReported()
    {
        var model = CognitoApiModel.Instance;

        var found = model.Disagreements(typeof(BrokenGetUserRequest), model.Input("GetUser"), "BrokenGetUserRequest", requireRequired: true);

        Assert.Contains(found, f => f.Contains("AccessTokn", StringComparison.Ordinal) && f.Contains("not a member", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("AccessToken", StringComparison.Ordinal) && f.Contains("required", StringComparison.Ordinal));
        var typed = model.Disagreements(typeof(MistypedGlobalSignOutRequest), model.Input("GlobalSignOut"), "MistypedGlobalSignOutRequest", requireRequired: true);
        Assert.Contains(typed, f => f.Contains("AccessToken", StringComparison.Ordinal) && f.Contains("Int32", StringComparison.Ordinal));
    }

    private sealed class BrokenGetUserRequest
    {
        public string AccessTokn { get; set; } = string.Empty;
    }

    private sealed class MistypedGlobalSignOutRequest
    {
        public int AccessToken { get; set; }
    }
}
