using System.Reflection;

namespace Spectra.PowerShell.Loading;

/// <summary>The assemblies of the shared framework pwsh runs on, read once from the runtime's trusted list.</summary>
internal static class FrameworkAssemblies
{
    private static readonly Lazy<Dictionary<string, Version?>> s_versions = new(Read);

    public static Version? VersionOf(string? simpleName) =>
        simpleName is not null && s_versions.Value.TryGetValue(simpleName, out var version) ? version : null;

    private static Dictionary<string, Version?> Read()
    {
        var result = new Dictionary<string, Version?>(StringComparer.OrdinalIgnoreCase);
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtimeDirectory is null)
        {
            return result;
        }

        foreach (var file in Directory.EnumerateFiles(runtimeDirectory, "*.dll"))
        {
            try
            {
                var name = AssemblyName.GetAssemblyName(file);
                if (name.Name is not null)
                {
                    result[name.Name] = name.Version;
                }
            }
            catch (BadImageFormatException)
            {
                // Native files (libclrjit and the like) sit in the same folder; they are not assemblies.
            }
        }

        return result;
    }
}
