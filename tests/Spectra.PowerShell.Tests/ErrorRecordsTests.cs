using System.Management.Automation;
using Spectra.Core.Errors;
using Spectra.PowerShell.Infrastructure;

namespace Spectra.PowerShell.Tests;

public class ErrorRecordsTests
{
    [Fact]
    public void From_SpectraException_CarriesIdCategoryLocationAndFix()
    {
        var ex = new SpectraException("ConfigInvalidJson", SpectraErrorCategory.ParserError, "Unexpected '}'.",
            "Remove the trailing comma.", new ErrorLocation("c.json", 4, "storage"));
        var record = ErrorRecords.From(ex, "c.json");

        Assert.Equal("ConfigInvalidJson", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ParserError, record.CategoryInfo.Category);
        Assert.Equal("c.json", record.TargetObject);
        Assert.Equal("c.json:4, field storage: Unexpected '}'.", record.ErrorDetails.Message);
        Assert.Equal("Remove the trailing comma.", record.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void From_SpectraException_RedactsSecretsQuotedInTheMessageAndFix()
    {
        var ex = new SpectraException("ConfigInvalidValue", SpectraErrorCategory.InvalidData,
            "Bad line: api_hash=0123456789abcdef0123456789abcdef", "Check phone +15551234567.");
        var record = ErrorRecords.From(ex, null);

        Assert.Equal("Bad line: api_hash=[REDACTED]", record.ErrorDetails.Message);
        Assert.Equal("Check phone [REDACTED].", record.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain("0123456789abcdef", ErrorRecords.Create("X", ErrorCategory.InvalidData, "token: 0123456789abcdef", null).ErrorDetails.Message);
    }

    [Theory]
    [InlineData("accounts[0].phone")]
    [InlineData("accounts[0].api_hash")]
    [InlineData("accounts[0].proxy.password")]
    public void From_SpectraException_KeepsTheMessageWhenTheFieldIsASecretKey(string field)
    {
        // "field accounts[0].phone: The ..." must not read as the assignment phone = "The".
        var ex = new SpectraException("ConfigParseError", SpectraErrorCategory.ParserError,
            "The configuration file is not valid: '+' is an invalid start of a value.", "Quote the value.", new ErrorLocation("c.json", 2, field));
        var record = ErrorRecords.From(ex, "c.json");

        Assert.Equal($"c.json:2, field {field}: The configuration file is not valid: '+' is an invalid start of a value.", record.ErrorDetails.Message);
    }

    [Fact]
    public void From_SpectraException_KeepsALongMixedCasePathInTheLocation()
    {
        // Such a path once read as key material, and the error lost the file it is about ("[REDACTED].db").
        const string path = "/srv/am/Telegram2024/PersonalArchives/spectra.db";
        var ex = new SpectraException("ChannelNotFound", SpectraErrorCategory.ObjectNotFound, "No archived channel matches 'nosuch'.",
            "Run Get-SpectraChannel.", new ErrorLocation(path, Field: "Channel"));

        Assert.Equal(path + ", field Channel: No archived channel matches 'nosuch'.", ErrorRecords.From(ex, "nosuch").ErrorDetails.Message);
    }

    [Fact]
    public void From_SpectraException_StillRedactsAPhoneNumberInTheLocation()
    {
        var ex = new SpectraException("SessionUnreadable", SpectraErrorCategory.ReadError, "The session cannot be read.", null,
            new ErrorLocation("/srv/sessions/+15551234567.session"));

        var message = ErrorRecords.From(ex, null).ErrorDetails.Message;
        Assert.DoesNotContain("5551234567", message, StringComparison.Ordinal);
        Assert.Contains(Spectra.Core.Logging.Redactor.Marker, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("socks5://u:SecretPw-7781@127.0.0.1")]
    [InlineData("socks5://SecretPw-7781@127.0.0.1:1080")]
    [InlineData("tg://proxy?server=127.0.0.1&port=443&user=SecretPw-7781")]
    public void From_InvalidProxy_ShowsTheFixedTextsAsWrittenAndNoInput(string proxy)
    {
        // Fixed texts go through the redactor like everything else, so they must be worded to survive it.
        var parse = Assert.Throws<FormatException>(() => Spectra.Telegram.Transport.ProxyAddress.Parse(proxy));
        var record = ErrorRecords.From(new SpectraException("InvalidProxy", SpectraErrorCategory.InvalidArgument, "-Proxy: " + parse.Message,
            Commands.TestSpectraConnectionCommand.ProxyFormatHint), null);

        Assert.Equal(Commands.TestSpectraConnectionCommand.ProxyFormatHint, record.ErrorDetails.RecommendedAction);
        Assert.Equal("-Proxy: " + parse.Message, record.ErrorDetails.Message);
        Assert.DoesNotContain(Spectra.Core.Logging.Redactor.Marker, record.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretPw-7781", record.ErrorDetails.Message + record.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_EveryEngineCategory_HasAPowerShellCategory()
    {
        foreach (var category in Enum.GetValues<SpectraErrorCategory>().Where(c => c != SpectraErrorCategory.NotSpecified))
        {
            Assert.NotEqual(ErrorCategory.NotSpecified, ErrorRecords.Map(category));
        }
    }
}
