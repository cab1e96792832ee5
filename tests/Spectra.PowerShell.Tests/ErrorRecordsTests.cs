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
    public void Map_EveryEngineCategory_HasAPowerShellCategory()
    {
        foreach (var category in Enum.GetValues<SpectraErrorCategory>().Where(c => c != SpectraErrorCategory.NotSpecified))
        {
            Assert.NotEqual(ErrorCategory.NotSpecified, ErrorRecords.Map(category));
        }
    }
}
