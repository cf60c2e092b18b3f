namespace Exanubes.Cognito.EmailSender.Tests.Rendering;

/// <summary>The rendering tests run as the sender runs on provided.al2023 and under Native AOT: without ICU.</summary>
public sealed class InvariantGlobalizationTests
{
    [Fact]
    public void TestProcess_RunsUnderInvariantGlobalization()
    {
        Assert.True(AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant);
        Assert.Equal(string.Empty, System.Globalization.CultureInfo.CurrentCulture.Name);
    }
}
