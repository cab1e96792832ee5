using System.Diagnostics;

namespace Spectra.Telegram.Tests.Oracles;

/// <summary>
/// Independent implementations our protocol code is checked against. Locally a missing oracle skips the test with
/// a message saying how to install it; with SPECTRA_REQUIRE_ORACLES=1 (set by .ci/run) it fails instead.
/// </summary>
public static class Oracle
{
    public const string PythonPath = "/usr/bin/python3";

    public static bool Required => Environment.GetEnvironmentVariable("SPECTRA_REQUIRE_ORACLES") == "1";

    private static readonly Lazy<bool> s_telethon = new(() => Run(PythonPath, "-c \"import telethon\"") == 0);

    private static readonly Lazy<string?> s_gramJsDir = new(FindGramJs);

    /// <summary>The repo's tests/oracles folder (scripts and the GramJS npm project live there).</summary>
    public static string OraclesDirectory { get; } = FindOraclesDirectory();

    /// <summary>Skips (or, when required, fails) unless Debian's python3-telethon is importable by /usr/bin/python3.</summary>
    public static void RequireTelethon() =>
        Require(s_telethon.Value, "Telethon oracle missing: run 'apt-get install -y python3-telethon' (used with /usr/bin/python3).");

    /// <summary>Skips (or fails) unless npm's telegram (GramJS) is installed; returns its project folder.</summary>
    public static string RequireGramJs()
    {
        Require(s_gramJsDir.Value is not null, "GramJS oracle missing: run 'npm ci' in tests/oracles/gramjs (needs node and npm).");
        return s_gramJsDir.Value!;
    }

    private static void Require(bool available, string howToInstall)
    {
        if (available)
        {
            return;
        }

        if (Required)
        {
            Assert.Fail(howToInstall + " (SPECTRA_REQUIRE_ORACLES=1)");
        }

        Skip.If(true, howToInstall);
    }

    private static string? FindGramJs()
    {
        var dir = Path.Combine(OraclesDirectory, "gramjs");
        return Directory.Exists(Path.Combine(dir, "node_modules", "telegram")) ? dir : null;
    }

    private static string FindOraclesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "oracles");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "oracles-not-found");
    }

    private static int Run(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return -1;
            }

            process.WaitForExit(30_000);
            return process.HasExited ? process.ExitCode : -1;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
