using System.Text.Json;
using Timpora.Cli;

namespace Timpora.Tests.Mrz;

public class MrzVerbTests
{
    [Fact]
    public async Task RunAsync_TwoDocumentsSeparatedByBlankLine_WritesOneJsonLineEach()
    {
        var input = new StringReader(Specimens.Td3 + "\r\n\r\n" + Specimens.Td1 + "\n");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await MrzVerb.RunAsync(["--today", "2026-05-01"], input, output, error);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);

        using var passport = JsonDocument.Parse(lines[0]);
        var p = passport.RootElement;
        Assert.Equal("TD3", p.GetProperty("format").GetString());
        Assert.Equal("passport", p.GetProperty("documentType").GetString());
        Assert.Equal("UTO", p.GetProperty("issuingState").GetString());
        Assert.Equal("ERIKSSON", p.GetProperty("surname").GetString());
        Assert.Equal("ANNA MARIA", p.GetProperty("givenNames").GetString());
        Assert.Equal("L898902C3", p.GetProperty("documentNumber").GetString());
        Assert.Equal("UTO", p.GetProperty("nationality").GetString());
        Assert.Equal("1974-08-12", p.GetProperty("dateOfBirth").GetString());
        Assert.Equal("female", p.GetProperty("sex").GetString());
        Assert.Equal("2012-04-15", p.GetProperty("expiryDate").GetString());
        Assert.Equal("ZE184226B", p.GetProperty("optionalData").GetString());
        var checks = p.GetProperty("checkDigits");
        foreach (var name in new[] { "documentNumber", "dateOfBirth", "expiryDate", "optionalData", "composite" })
        {
            Assert.True(checks.GetProperty(name).GetBoolean(), name);
        }

        Assert.True(p.GetProperty("valid").GetBoolean());
        Assert.Contains(p.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "documentExpired");

        using var card = JsonDocument.Parse(lines[1]);
        Assert.Equal("TD1", card.RootElement.GetProperty("format").GetString());
        Assert.Equal("D23145890", card.RootElement.GetProperty("documentNumber").GetString());
    }

    [Fact]
    public async Task RunAsync_FailingCheckDigit_ReportsFieldAndExitsOne()
    {
        var input = new StringReader(Specimens.Td3.Replace("7408122", "7408132", StringComparison.Ordinal));
        var output = new StringWriter();

        var exit = await MrzVerb.RunAsync(["--today", "2026-05-01"], input, output, new StringWriter());

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.False(json.RootElement.GetProperty("checkDigits").GetProperty("dateOfBirth").GetBoolean());
        Assert.True(json.RootElement.GetProperty("checkDigits").GetProperty("documentNumber").GetBoolean());
        Assert.Contains(json.RootElement.GetProperty("issues").EnumerateArray(),
            i => i.GetProperty("code").GetString() == "dateOfBirthCheckDigit" && i.GetProperty("field").GetString() == "dateOfBirth");
    }

    [Fact]
    public async Task RunAsync_HugeInput_ReportsTooLongWithoutFailing()
    {
        var input = new StringReader(new string('A', 10_000) + "\n\n" + Specimens.Td2);
        var output = new StringWriter();

        var exit = await MrzVerb.RunAsync([], input, output, new StringWriter());

        Assert.Equal(1, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("inputTooLong", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"valid\":true", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoInput_ExitsOneWithMessage()
    {
        var error = new StringWriter();

        var exit = await MrzVerb.RunAsync([], new StringReader("\n\n"), new StringWriter(), error);

        Assert.Equal(1, exit);
        Assert.Contains("No MRZ", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--today")]
    [InlineData("--today", "yesterday")]
    [InlineData("--verbose")]
    public async Task RunAsync_BadArguments_PrintsUsageAndExitsTwo(params string[] args)
    {
        var error = new StringWriter();

        var exit = await MrzVerb.RunAsync(args, new StringReader(Specimens.Td3), new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains("Usage: mrz", error.ToString(), StringComparison.Ordinal);
    }
}
