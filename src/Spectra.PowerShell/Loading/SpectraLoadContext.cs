using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Spectra.PowerShell.Loading;

/// <summary>
/// The private load context that holds the engine (Spectra.Core, Spectra.Telegram) and every third-party package it
/// uses, read from the module's <c>deps/</c> folder. pwsh already loads its own JsonSchema.Net, Newtonsoft.Json and
/// friends into the default context; keeping ours here means neither side's version can break the other.
/// </summary>
internal sealed class SpectraLoadContext : AssemblyLoadContext
{
    private readonly string _dependencyDirectory;

    public SpectraLoadContext(string dependencyDirectory)
        : base("Spectra", isCollectible: false)
    {
        _dependencyDirectory = dependencyDirectory;
    }

    public string DependencyDirectory => _dependencyDirectory;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Framework assemblies (System.*, Microsoft.Win32.*, ...) must be shared with the default context so that
        // types such as Stream or Task are the same on both sides of the bridge.
        if (IsSatisfiedByFramework(assemblyName))
        {
            return null;
        }

        var candidate = Path.Combine(_dependencyDirectory, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        // NuGet lays native libraries out as runtimes/<rid>/native/<file>; neither pwsh nor the default probing
        // looks there, so a portable (RID-less) module finds e_sqlite3 only through this hook.
        foreach (var path in NativeLibraryProbe.CandidatePaths(_dependencyDirectory, unmanagedDllName))
        {
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }

    /// <summary>
    /// True when the shared framework ships an assembly of this name whose version satisfies the request.
    /// Internal and static so the rule can be unit-tested without files.
    /// </summary>
    internal static bool IsSatisfiedByFramework(AssemblyName requested)
    {
        var frameworkVersion = FrameworkAssemblies.VersionOf(requested.Name);
        return frameworkVersion is not null && (requested.Version is null || frameworkVersion >= requested.Version);
    }
}
