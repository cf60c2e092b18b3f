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
