using System.Reflection;
using Spectra.PowerShell.Loading;

namespace Spectra.PowerShell.Tests;

public class LoadContextTests
{
    [Fact]
    public void IsSatisfiedByFramework_FrameworkAssemblyAtLowerVersion_IsShared()
    {
        var name = new AssemblyName("System.Runtime") { Version = new Version(4, 0, 0, 0) };
        Assert.True(SpectraLoadContext.IsSatisfiedByFramework(name));
    }

    [Fact]
    public void IsSatisfiedByFramework_FrameworkAssemblyAtHigherVersion_IsNotShared()
    {
        var name = new AssemblyName("System.Text.Json") { Version = new Version(99, 0, 0, 0) };
        Assert.False(SpectraLoadContext.IsSatisfiedByFramework(name));
    }

    [Theory]
    [InlineData("Serilog")]
    [InlineData("JsonSchema.Net")]
    [InlineData("Spectra.Core")]
    public void IsSatisfiedByFramework_PackageAssembly_IsLoadedPrivately(string simpleName)
    {
        Assert.False(SpectraLoadContext.IsSatisfiedByFramework(new AssemblyName(simpleName) { Version = new Version(1, 0) }));
    }

    [Fact]
    public void NativeLibraryProbe_OnLinux_LooksInRuntimesRidNative()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var paths = NativeLibraryProbe.CandidatePaths("/m/deps", "e_sqlite3").ToList();
        Assert.Contains($"/m/deps/runtimes/{NativeLibraryProbe.CurrentRid()}/native/libe_sqlite3.so", paths);
        Assert.StartsWith("linux-", NativeLibraryProbe.CurrentRid(), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadContext_LoadsPackageFromDependencyFolder_NotFromDefault()
    {
        // Copy a package assembly into a scratch deps folder: the private context must load that copy, in itself.
        var deps = Directory.CreateTempSubdirectory("spectra-alc-").FullName;
        try
        {
            var source = typeof(Xunit.FactAttribute).Assembly.Location;
            File.Copy(source, Path.Combine(deps, Path.GetFileName(source)));
            var context = new SpectraLoadContext(deps);
            var loaded = context.LoadFromAssemblyName(typeof(Xunit.FactAttribute).Assembly.GetName());
            Assert.Same(context, System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(loaded));
            Assert.NotSame(typeof(Xunit.FactAttribute).Assembly, loaded);
        }
        finally
        {
            Directory.Delete(deps, recursive: true);
        }
    }
}
