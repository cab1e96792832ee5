using Serilog.Events;
using Spectra.Core.Configuration;
using Spectra.Core.Errors;
using Spectra.Core.Logging;
using Spectra.Core.Tests.Configuration;

namespace Spectra.Core.Tests.Logging;

public sealed class LoggingOptionsMapperTests
{
    private static LoggingOptions Map(ConfigFixture fixture, Dictionary<string, string>? environment = null, bool debug = false)
    {
        var config = fixture.Load(environment);
        return LoggingOptionsMapper.From(config, StorageLocations.Resolve(config, fixture.Directory), debug);
    }

    [Fact]
    public void Defaults_are_information_secure_and_a_logs_folder_beside_the_database()
    {
        using var fixture = new ConfigFixture();
        var options = Map(fixture);
        Assert.Equal(LogEventLevel.Information, options.Level);
        Assert.True(options.Secure);
        Assert.Equal(Path.Combine(fixture.Directory, "logs"), options.Directory);
    }

    [Fact]
    public void Level_aliases_directory_and_secure_come_from_the_file_and_variables_win()
    {
        using var fixture = new ConfigFixture().WithFile("{ \"logging\": { \"level\": \"warn\", \"directory\": \"mylogs\", \"secure\": false } }");
        var options = Map(fixture);
        Assert.Equal(LogEventLevel.Warning, options.Level);
        Assert.False(options.Secure);
        Assert.Equal(Path.Combine(fixture.Directory, "mylogs"), options.Directory);
        Assert.Equal(LogEventLevel.Verbose, Map(fixture, new() { ["SPECTRA_LOG_LEVEL"] = "trace" }).Level);
    }

    [Fact]
    public void A_debug_request_lowers_the_level_but_never_raises_it()
    {
        using var fixture = new ConfigFixture().WithFile("{ \"logging\": { \"level\": \"Error\" } }");
        Assert.Equal(LogEventLevel.Debug, Map(fixture, debug: true).Level);
        using var verbose = new ConfigFixture().WithFile("{ \"logging\": { \"level\": \"Verbose\" } }");
        Assert.Equal(LogEventLevel.Verbose, Map(verbose, debug: true).Level);
    }

    [Fact]
    public void A_wrong_type_is_ConfigInvalid_with_file_line_and_field()
    {
        using var fixture = new ConfigFixture().WithFile("{\n  \"logging\": {\n    \"secure\": \"maybe\"\n  }\n}\n");
        var error = Assert.Throws<SpectraException>(() => Map(fixture));
        Assert.Equal("ConfigInvalid", error.ErrorId);
        Assert.Equal(new ErrorLocation(fixture.ConfigPath, 3, "logging.secure"), error.Location);
    }
}
