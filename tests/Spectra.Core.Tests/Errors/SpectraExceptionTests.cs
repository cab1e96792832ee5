using Spectra.Core.Errors;

namespace Spectra.Core.Tests.Errors;

public class SpectraExceptionTests
{
    [Fact]
    public void DetailedMessage_WithFileLineAndField_PrefixesLocation()
    {
        var ex = new SpectraException("ConfigInvalidType", SpectraErrorCategory.InvalidData, "Expected a number.",
            "Write api_id without quotes.", new ErrorLocation("/etc/spectra.json", 7, "accounts[0].api_id"));

        Assert.Equal("/etc/spectra.json:7, field accounts[0].api_id: Expected a number.", ex.DetailedMessage);
        Assert.Equal("ConfigInvalidType", ex.ErrorId);
        Assert.Equal("Write api_id without quotes.", ex.Fix);
    }

    [Fact]
    public void DetailedMessage_WithoutLocation_IsTheMessage()
    {
        var ex = new SpectraException("X", SpectraErrorCategory.InvalidOperation, "Nope.");
        Assert.Equal("Nope.", ex.DetailedMessage);
    }

    [Fact]
    public void Constructor_EmptyErrorId_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SpectraException("", SpectraErrorCategory.InvalidData, "m"));
    }

    [Theory]
    [InlineData(null, 0, "f", "field f")]
    [InlineData("a.json", 0, null, "a.json")]
    [InlineData("a.json", 3, null, "a.json:3")]
    public void ErrorLocation_ToString_ShowsOnlyWhatIsKnown(string? file, int line, string? field, string expected)
    {
        Assert.Equal(expected, new ErrorLocation(file, line, field).ToString());
    }
}
