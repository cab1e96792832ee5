using Spectra.Core.Configuration;
using Spectra.Core.Errors;

namespace Spectra.Core.Tests.Configuration;

public sealed class StorageLocationsTests
{
    private static readonly string Here = Path.Combine(Path.GetTempPath(), "spectra-here");

    [Fact]
    public void Defaults_put_the_database_in_the_current_directory_and_media_and_logs_beside_it()
    {
        using var fixture = new ConfigFixture();
        var locations = StorageLocations.Resolve(fixture.Load(), Here);
        Assert.Equal(Path.Combine(Here, "spectra.db"), locations.DatabasePath);
        Assert.Equal(Path.Combine(Here, "media"), locations.MediaDirectory);
        Assert.Equal(Path.Combine(Here, "logs"), locations.LogDirectory);
        Assert.Null(locations.ConfigFile);
    }

    [Fact]
    public void Relative_paths_from_the_config_file_resolve_against_its_folder()
    {
        using var fixture = new ConfigFixture().WithFile(
            "{ \"storage\": { \"database\": \"data/a.db\", \"media_dir\": \"m\" }, \"logging\": { \"directory\": \"l\" } }");
        var locations = StorageLocations.Resolve(fixture.Load(), Here);
        Assert.Equal(Path.Combine(fixture.Directory, "data", "a.db"), locations.DatabasePath);
        Assert.Equal(Path.Combine(fixture.Directory, "m"), locations.MediaDirectory);
        Assert.Equal(Path.Combine(fixture.Directory, "l"), locations.LogDirectory);
        Assert.True(locations.LogDirectoryConfigured);
        Assert.False(StorageLocations.Resolve(new ConfigFixture().Load(), Here).LogDirectoryConfigured);
        Assert.Equal(fixture.ConfigPath, locations.ConfigFile);
    }

    [Fact]
    public void Variables_win_over_the_file_and_resolve_against_the_current_directory()
    {
        using var fixture = new ConfigFixture().WithFile("{ \"storage\": { \"database\": \"a.db\", \"media_dir\": \"m\" } }");
        var config = fixture.Load(new Dictionary<string, string> { ["SPECTRA_DB_PATH"] = "env.db", ["SPECTRA_MEDIA_DIR"] = "envmedia" });
        var locations = StorageLocations.Resolve(config, Here);
        Assert.Equal(Path.Combine(Here, "env.db"), locations.DatabasePath);
        Assert.Equal(Path.Combine(Here, "envmedia"), locations.MediaDirectory);
    }

    [Fact]
    public void A_value_from_dot_env_resolves_against_the_folder_of_the_dot_env_file()
    {
        using var fixture = new ConfigFixture().WithFile("{}").WithDotEnv("SPECTRA_DB_PATH=dotenv.db\n");
        var locations = StorageLocations.Resolve(fixture.Load(), Here);
        Assert.Equal(Path.Combine(fixture.Directory, "dotenv.db"), locations.DatabasePath);
    }

    [Fact]
    public void Explicit_arguments_win_over_every_layer_and_default_media_follows_the_database()
    {
        using var fixture = new ConfigFixture();
        var config = fixture.Load(new Dictionary<string, string> { ["SPECTRA_DB_PATH"] = "env.db" });
        var explicitDb = Path.Combine(Here, "x", "given.db");
        var locations = StorageLocations.Resolve(config, Here, explicitDb);
        Assert.Equal(explicitDb, locations.DatabasePath);
        Assert.Equal(Path.Combine(Here, "x", "media"), locations.MediaDirectory);
        Assert.Equal(Path.Combine(Here, "y"), StorageLocations.Resolve(config, Here, explicitDb, "y").MediaDirectory);
    }

    [Fact]
    public void A_path_of_the_wrong_type_is_ConfigInvalid_naming_file_line_and_field()
    {
        using var fixture = new ConfigFixture().WithFile("{\n  \"storage\": {\n    \"database\": 42\n  }\n}\n");
        var error = Assert.Throws<SpectraException>(() => StorageLocations.Resolve(fixture.Load(), Here));
        Assert.Equal("ConfigInvalid", error.ErrorId);
        Assert.Equal(fixture.ConfigPath, error.Location?.File);
        Assert.Equal(3, error.Location?.Line);
        Assert.Equal("storage.database", error.Location?.Field);
    }

    [Fact]
    public void Without_a_configuration_the_built_in_defaults_apply()
    {
        var locations = StorageLocations.Resolve(null, Here);
        Assert.Equal(Path.Combine(Here, "spectra.db"), locations.DatabasePath);
        Assert.Equal(Path.Combine(Here, "logs"), locations.LogDirectory);
    }
}
