namespace Exanubes.Cognito.SmsSender.Tests.Rendering;

/// <summary>Segment counts against the GSM 03.38 / 3GPP TS 23.040 limits carriers apply.</summary>
public class SmsSegmentsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Count_Gsm7Text_Uses160Then153(int length, int parts)
    {
        var segments = SmsSegments.Count(new string('a', length));

        Assert.Equal(SmsEncoding.Gsm7, segments.Encoding);
        Assert.Equal(length, segments.Units);
        Assert.Equal(parts, segments.Parts);
    }

    [Theory]
    [InlineData("€", 2)]
    [InlineData("{}", 4)]
    [InlineData("^\\[~]|\f", 14)]
    public void Count_ExtensionTable_CostsTwoSeptets(string text, int septets)
    {
        var segments = SmsSegments.Count(text);

        Assert.Equal(SmsEncoding.Gsm7, segments.Encoding);
        Assert.Equal(septets, segments.Units);
    }

    [Fact]
    public void Count_BasicTableAccentsAndGreek_CostOneSeptetEach()
    {
        const string text = "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà";

        Assert.Equal(new SmsSegments(SmsEncoding.Gsm7, text.Length, 1), SmsSegments.Count(text));
    }

    [Fact]
    public void Count_80Euros_Is160SeptetsInOneSms()
        => Assert.Equal(new SmsSegments(SmsEncoding.Gsm7, 160, 1), SmsSegments.Count(new string('€', 80)));

    [Fact]
    public void Count_EscapePairAtAPartBoundary_MovesWholeToTheNextPart()
    {
        // 152 septets, then a two-septet euro that cannot straddle the 153-septet part, then enough to need a second part.
        var text = new string('a', 152) + "€" + new string('a', 10);

        var segments = SmsSegments.Count(text);

        Assert.Equal(164, segments.Units);
        Assert.Equal(2, segments.Parts);
        Assert.Equal(3, SmsSegments.Count(new string('a', 152) + "€" + new string('a', 152)).Parts);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Count_Ucs2Text_Uses70Then67(int length, int parts)
    {
        var segments = SmsSegments.Count("ж" + new string('a', length - 1));

        Assert.Equal(SmsEncoding.Ucs2, segments.Encoding);
        Assert.Equal(length, segments.Units);
        Assert.Equal(parts, segments.Parts);
    }

    [Fact]
    public void Count_OneNonGsmCharacter_SwitchesTheWholeTextToUcs2()
    {
        var segments = SmsSegments.Count("Your code is 123456 ✓");

        Assert.Equal(SmsEncoding.Ucs2, segments.Encoding);
        Assert.Equal(1, segments.Parts);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Count("Your code is 123456").Encoding);
    }

    [Fact]
    public void Count_Emoji_IsASurrogatePairNeverSplit()
    {
        Assert.Equal(new SmsSegments(SmsEncoding.Ucs2, 2, 1), SmsSegments.Count("😀"));
        // 134 units fit two 67-unit parts by arithmetic, but the pair after 66 units cannot straddle: three parts.
        Assert.Equal(3, SmsSegments.Count(new string('ж', 66) + "😀" + new string('ж', 66)).Parts);
        Assert.Equal(2, SmsSegments.Count(new string('ж', 65) + "😀" + new string('ж', 67)).Parts);
    }

    [Theory]
    [InlineData("`")]
    [InlineData("á")]
    [InlineData("ç")]
    public void IsGsm7_CharactersOutsideBothTables_AreNot(string text) => Assert.False(SmsSegments.IsGsm7(text));
}
