using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace Spectra.PowerShell.Loading;

/// <summary>
/// Runs when pwsh imports the module. It redirects only the engine assemblies into <see cref="SpectraLoadContext"/>;
/// everything they reference is then resolved inside that context, out of reach of pwsh's own copies.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string[] s_engineAssemblies = ["Spectra.Core", "Spectra.Telegram"];
    private static readonly Lazy<SpectraLoadContext> s_context = new(() => new SpectraLoadContext(DependencyDirectory));

    internal static string ModuleDirectory =>
        Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? AppContext.BaseDirectory;

    internal static string DependencyDirectory => Path.Combine(ModuleDirectory, "deps");

    public void OnImport() => AssemblyLoadContext.Default.Resolving += ResolveEngine;

    public void OnRemove(PSModuleInfo psModuleInfo) => AssemblyLoadContext.Default.Resolving -= ResolveEngine;

    private static Assembly? ResolveEngine(AssemblyLoadContext defaultContext, AssemblyName name)
    {
        if (Array.IndexOf(s_engineAssemblies, name.Name) < 0 || !Directory.Exists(DependencyDirectory))
        {
            return null;
        }

        return s_context.Value.LoadFromAssemblyName(name);
    }
}
