using Spectra.Core.Errors;
using Spectra.Core.Import;

namespace Spectra.Core.Tests.Import;

public sealed class ExportMediaPathsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spectra-paths-").FullName;
    private readonly ErrorLocation _where = new("result.json", 3, "messages[0].file");

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("files/../../outside.txt")]
    [InlineData("files\\..\\..\\outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("\\\\server\\share\\x")]
    [InlineData("C:\\Windows\\win.ini")]
    [InlineData("files/a\u0001b.txt")]
    [InlineData("")]
    public void PathsLeavingTheExportFolderAreRefused(string path)
    {
        var ex = Assert.Throws<SpectraException>(() => ExportMediaPaths.Resolve(_root, path, _where));
        Assert.Equal("ExportMediaPathRefused", ex.ErrorId);
        Assert.Equal(SpectraErrorCategory.SecurityError, ex.Category);
        Assert.Equal(_where, ex.Location);
    }

    [Fact]
    public void SymbolicLinkLeadingOutIsRefused()
    {
        var outside = Directory.CreateTempSubdirectory("spectra-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.txt"), "secret");
            Directory.CreateDirectory(Path.Combine(_root, "files"));
            File.CreateSymbolicLink(Path.Combine(_root, "files", "link.txt"), Path.Combine(outside, "secret.txt"));
            var ex = Assert.Throws<SpectraException>(() => ExportMediaPaths.Resolve(_root, "files/link.txt", _where));
            Assert.Equal("ExportMediaPathRefused", ex.ErrorId);
        }
        finally
        {
            Directory.Delete(outside, true);
        }
    }

    [Theory]
    [InlineData("photos/photo_1.jpg")]
    [InlineData("files/$(rm -rf ~); echo `pwned` & del.txt")]
    [InlineData("files/ünïcødé 名前 ✓.txt")]
    [InlineData("files/..hidden..txt")]
    public void OrdinaryAndOddButInsidePathsResolveInsideTheFolder(string path)
    {
        var full = ExportMediaPaths.Resolve(_root, path, _where);
        Assert.StartsWith(Path.GetFullPath(_root) + Path.DirectorySeparatorChar, full, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, true);
}
