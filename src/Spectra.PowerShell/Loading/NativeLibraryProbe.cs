using System.Runtime.InteropServices;

namespace Spectra.PowerShell.Loading;

/// <summary>Where a native library lives inside a portable module: <c>runtimes/&lt;rid&gt;/native/</c>.</summary>
internal static class NativeLibraryProbe
{
    public static IEnumerable<string> CandidatePaths(string baseDirectory, string libraryName)
    {
        var native = Path.Combine(baseDirectory, "runtimes", CurrentRid(), "native");
        foreach (var fileName in FileNames(libraryName))
        {
            yield return Path.Combine(native, fileName);
        }
    }

    /// <summary>The NuGet runtime identifier of this process, e.g. linux-x64, osx-arm64, win-x64.</summary>
    public static string CurrentRid()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "x86",
            Architecture.Arm => "arm",
            var other => other.ToString().ToLowerInvariant(),
        };
        return $"{os}-{arch}";
    }

    private static IEnumerable<string> FileNames(string libraryName)
    {
        if (OperatingSystem.IsWindows())
        {
            yield return libraryName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? libraryName : libraryName + ".dll";
            yield break;
        }

        var suffix = OperatingSystem.IsMacOS() ? ".dylib" : ".so";
        var bare = libraryName.EndsWith(suffix, StringComparison.Ordinal) ? libraryName[..^suffix.Length] : libraryName;
        yield return "lib" + bare + suffix;
        yield return bare + suffix;
    }
}
