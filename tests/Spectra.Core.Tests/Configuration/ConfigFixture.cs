using Spectra.Core.Configuration;

namespace Spectra.Core.Tests.Configuration;

/// <summary>A private temp directory holding a config file (mode 600 on Unix) and optionally a .env beside it.</summary>
internal sealed class ConfigFixture : IDisposable
{
    public const string GoodHash = "5f2b9c0e7d1a4c3b8e6f9a0d2c4b6e8f";
    public const string OtherHash = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b";

    public ConfigFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "spectra-config-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "spectra_config.json");

    public string DotEnvPath => Path.Combine(Directory, ".env");

    public ConfigFixture WithFile(string json, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        File.WriteAllText(ConfigPath, json);
        SetMode(ConfigPath, mode);
        return this;
    }

    public ConfigFixture WithDotEnv(string text, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        File.WriteAllText(DotEnvPath, text);
        SetMode(DotEnvPath, mode);
        return this;
    }

    public LoadedConfig Load(Dictionary<string, string>? environment = null, bool explicitPath = true) =>
        SpectraConfigLoader.Load(explicitPath && File.Exists(ConfigPath) ? ConfigPath : null,
            environment ?? new Dictionary<string, string>(), Directory);

    public IReadOnlyList<ConfigFinding> Validate(Dictionary<string, string>? environment = null) =>
        ConfigValidator.Validate(Load(environment));

    /// <summary>Loads a single JSON text and validates it in one go.</summary>
    public static IReadOnlyList<ConfigFinding> ValidateJson(string json, Dictionary<string, string>? environment = null)
    {
        using var fixture = new ConfigFixture().WithFile(json);
        return fixture.Validate(environment);
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
