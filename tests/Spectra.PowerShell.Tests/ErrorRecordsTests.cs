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

    [Fact]
    public void Map_EveryEngineCategory_HasAPowerShellCategory()
    {
        foreach (var category in Enum.GetValues<SpectraErrorCategory>().Where(c => c != SpectraErrorCategory.NotSpecified))
        {
            Assert.NotEqual(ErrorCategory.NotSpecified, ErrorRecords.Map(category));
        }
    }
}
