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
    [InlineData("linkdir/secret.txt")]
    [InlineData("files/linkdir/secret.txt")]
    [InlineData("hop/secret.txt")]
    [InlineData("loop/secret.txt")]
    public void A_linked_folder_on_the_way_leading_out_is_refused(string path)
    {
        var outside = Directory.CreateTempSubdirectory("spectra-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.txt"), "secret");
            Directory.CreateDirectory(Path.Combine(_root, "files"));
            Directory.CreateSymbolicLink(Path.Combine(_root, "linkdir"), outside);
            Directory.CreateSymbolicLink(Path.Combine(_root, "files", "linkdir"), "../../" + Path.GetFileName(outside));
            // A link inside the folder to the link that leads out.
            Directory.CreateSymbolicLink(Path.Combine(_root, "hop"), "files/linkdir");
            Directory.CreateSymbolicLink(Path.Combine(_root, "loop"), "loop");
            var ex = Assert.Throws<SpectraException>(() => ExportMediaPaths.Resolve(_root, path, _where));
            Assert.Equal("ExportMediaPathRefused", ex.ErrorId);
        }
        finally
        {
            Directory.Delete(outside, true);
        }
    }

    [Fact]
    public void Links_that_stay_inside_the_folder_resolve_to_a_path_without_links()
    {
        Directory.CreateDirectory(Path.Combine(_root, "photos"));
        File.WriteAllText(Path.Combine(_root, "photos", "a.jpg"), "jpeg");
        Directory.CreateSymbolicLink(Path.Combine(_root, "pics"), "photos");
        File.CreateSymbolicLink(Path.Combine(_root, "photos", "b.jpg"), "a.jpg");
        var expected = Path.Combine(Path.GetFullPath(_root), "photos", "a.jpg");
        Assert.Equal(expected, ExportMediaPaths.Resolve(_root, "pics/a.jpg", _where));
        Assert.Equal(expected, ExportMediaPaths.Resolve(_root, "pics/b.jpg", _where));
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
