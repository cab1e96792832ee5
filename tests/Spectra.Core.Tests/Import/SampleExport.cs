namespace Spectra.Core.Tests.Import;

/// <summary>Locates the committed sample export (examples/sample-export) from the test's output folder.</summary>
internal static class SampleExport
{
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "examples", "sample-export");
                if (File.Exists(Path.Combine(candidate, "result.json")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("examples/sample-export/result.json not found above the test folder.");
        }
    }

    public static string ResultJson => Path.Combine(Folder, "result.json");
}
