using System.Collections;
using System.Management.Automation;
using Spectra.Core.Errors;

namespace Spectra.PowerShell.Infrastructure;

/// <summary>What the two configuration cmdlets share: resolving -Path through the provider and snapshotting the environment.</summary>
internal static class ConfigCommandSupport
{
    /// <summary>
    /// Provider paths for -Path: wildcards expand to existing files; a literal path is returned even when missing,
    /// so the engine can report ConfigFileNotFound with the path. Null input means "the default lookup".
    /// </summary>
    public static IReadOnlyList<string?> Resolve(PSCmdlet cmdlet, string? path, bool literal = false)
    {
        if (string.IsNullOrEmpty(path))
        {
            return [null];
        }

        var asIs = cmdlet.GetUnresolvedProviderPathFromPSPath(path);
        // A file whose name merely looks like a pattern (a[1].json, piped in by PSPath) is taken literally.
        if (!literal && !File.Exists(asIs) && WildcardPattern.ContainsWildcardCharacters(path))
        {
            try
            {
                var matches = cmdlet.GetResolvedProviderPathFromPSPath(path, out _).Cast<string?>().ToList();
                return matches.Count > 0 ? matches : [asIs];
            }
            catch (ItemNotFoundException)
            {
                // No match: pass the pattern on, so the engine reports ConfigFileNotFound with the usual fix.
                return [asIs];
            }
        }

        return [asIs];
    }

    /// <summary>The current file-system directory of the session (relative paths and the default file resolve here).</summary>
    public static string BaseDirectory(PSCmdlet cmdlet) => cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath;

    /// <summary>A copy of the process environment; the engine never reads the environment itself.</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentSnapshot()
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && entry.Value is string value)
            {
                snapshot[name] = value;
            }
        }

        return snapshot;
    }

    /// <summary>
    /// Runs <paramref name="body"/> once per resolved config file. Expected problems arrive as SpectraException and
    /// are the body's to report; anything else is a Spectra bug, reported without a stack trace and without the
    /// exception text (which could quote a configuration value).
    /// </summary>
    public static void ForEachFile(PSCmdlet cmdlet, string? path, string? literalPath, Action<string?> body)
    {
        foreach (var file in Resolve(cmdlet, literalPath ?? path, literal: literalPath is not null))
        {
            try
            {
                body(file);
            }
            catch (Exception ex) when (ex is not (PipelineStoppedException or SpectraException or OperationCanceledException))
            {
                cmdlet.WriteError(InternalError(ex, file ?? literalPath ?? path));
            }
        }
    }

    public static ErrorRecord InternalError(Exception ex, object? target) => ErrorRecords.Create("ConfigInternalError",
        ErrorCategory.NotSpecified, $"Spectra could not process the configuration ({ex.GetType().Name}). This is a bug in Spectra.",
        target, "Run Test-SpectraConfig to find the offending value, and report the bug with the file's structure (never its secrets).");
}
