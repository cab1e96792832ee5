using System.Security.Cryptography;
using Spectra.Core.Errors;
using Spectra.Core.Security;
using Spectra.Core.Tests.Support;

namespace Spectra.Core.Tests.Security;

/// <summary>
/// Links to directories are removed as links however the path is written: with a trailing separator the OS resolves
/// the link, which once made the eraser overwrite the files in the link's target.
/// </summary>
public class SecureFileEraserLinkTests
{
    public static TheoryData<string, bool> Suffixes => new()
    {
        { string.Empty, true },
        { "/", true },
        { "//", true },
        { "/./", true },
        { "/", false },
    };

    private static SecureFileEraser Eraser() => new(null, new StorageInspector("/nonexistent/mountinfo", "/nonexistent"), null);

    /// <summary>A directory outside the erased paths with a file and a nested file, and their exact bytes.</summary>
    private static Dictionary<string, byte[]> MakeOutside(string outside)
    {
        Directory.CreateDirectory(Path.Combine(outside, "nested"));
        var contents = new Dictionary<string, byte[]>
        {
            [Path.Combine(outside, "keep.bin")] = RandomNumberGenerator.GetBytes(4096),
            [Path.Combine(outside, "nested", "deep.bin")] = RandomNumberGenerator.GetBytes(1000),
        };
        foreach (var (path, bytes) in contents)
        {
            File.WriteAllBytes(path, bytes);
        }

        return contents;
    }

    private static void AssertUntouched(Dictionary<string, byte[]> contents)
    {
        foreach (var (path, bytes) in contents)
        {
            Assert.True(File.Exists(path), $"{path} was deleted");
            Assert.Equal(bytes, File.ReadAllBytes(path));
        }
    }

    [Theory]
    [MemberData(nameof(Suffixes))]
    public void ALinkedDirectoryIsRemovedAsALinkWithOrWithoutATrailingSeparator(string suffix, bool recurse)
    {
        using var dir = new TempDirectory();
        var outside = dir.File("outside");
        var contents = MakeOutside(outside);
        var link = dir.File("dirlink");
        Directory.CreateSymbolicLink(link, outside);
        var results = new List<SecureEraseResult>();
        var errors = new List<SpectraException>();

        Eraser().Erase(link + suffix, new SecureEraseOptions { Recurse = recurse }, results.Add, errors.Add);

        Assert.Empty(errors);
        var result = Assert.Single(results);
        Assert.Equal(link, result.Path);
        Assert.Equal(0, result.Passes);
        Assert.Contains(result.Warnings, w => w.Contains("symbolic link", StringComparison.Ordinal));
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.False(Path.Exists(link));
        AssertUntouched(contents);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("//")]
    public void EraseFileRemovesALinkedDirectoryGivenWithATrailingSeparator(string suffix)
    {
        using var dir = new TempDirectory();
        var outside = dir.File("outside");
        var contents = MakeOutside(outside);
        var link = dir.File("dirlink");
        Directory.CreateSymbolicLink(link, outside);

        var result = Eraser().EraseFile(link + suffix, new SecureEraseOptions());

        Assert.Equal(0, result.Passes);
        Assert.False(Path.Exists(link));
        AssertUntouched(contents);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public void ARecursiveEraseRemovesNestedLinksToDirectoriesAndKeepsTheirTargets(string suffix)
    {
        using var dir = new TempDirectory();
        var outside = dir.File("outside");
        var contents = MakeOutside(outside);
        var tree = dir.File("tree");
        Directory.CreateDirectory(Path.Combine(tree, "a"));
        File.WriteAllText(Path.Combine(tree, "a", "mine.txt"), "erase me");
        Directory.CreateSymbolicLink(Path.Combine(tree, "linked"), outside);
        Directory.CreateSymbolicLink(Path.Combine(tree, "a", "linked-too"), outside + "/");
        var results = new List<SecureEraseResult>();
        var errors = new List<SpectraException>();

        Eraser().Erase(tree + suffix, new SecureEraseOptions { Recurse = true }, results.Add, errors.Add);

        Assert.Empty(errors);
        Assert.False(Directory.Exists(tree));
        Assert.Equal(3, results.Count);
        Assert.Equal(2, results.Count(r => r.Passes == 0));
        Assert.Single(results, r => r.Verified);
        AssertUntouched(contents);
        Assert.Equal(["outside"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }
}
