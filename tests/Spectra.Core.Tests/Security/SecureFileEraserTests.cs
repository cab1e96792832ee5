using System.Security.Cryptography;
using Spectra.Core.Errors;
using Spectra.Core.Security;
using Spectra.Core.Tests.Support;

namespace Spectra.Core.Tests.Security;

public class SecureFileEraserTests
{
    private static SecureFileEraser Eraser(IEraseObserver? observer = null, string? mountInfo = null) =>
        new(null, mountInfo is null ? new StorageInspector("/nonexistent/mountinfo", "/nonexistent") : new StorageInspector(mountInfo, "/nonexistent"), observer);

    private static byte[] WriteRandom(string path, int length)
    {
        var data = RandomNumberGenerator.GetBytes(length);
        File.WriteAllBytes(path, data);
        return data;
    }

    [Fact]
    public void ThreePassesWriteZerosOnesThenRandomAndTheFileIsGone()
    {
        using var dir = new TempDirectory();
        var path = dir.File("secret.bin");
        var original = WriteRandom(path, 3 * 1024 * 1024 + 123);
        var observer = new RecordingObserver();

        var result = Eraser(observer).EraseFile(path, new SecureEraseOptions { BlockSize = 1024 * 1024 });

        Assert.Equal([ErasePattern.Zeros, ErasePattern.Ones, ErasePattern.Random], observer.Passes.Select(p => p.Pattern));
        Assert.All(observer.Passes, p => Assert.Equal(original.Length, p.Content.Length));
        Assert.All(observer.Passes[0].Content, b => Assert.Equal(0x00, b));
        Assert.All(observer.Passes[1].Content, b => Assert.Equal(0xFF, b));
        var random = observer.Passes[2].Content;
        Assert.NotEqual(original, random);
        // Random-looking: roughly uniform bytes, no long constant stretch, no repeated 1 MiB blocks.
        Assert.InRange(random.Count(b => b == 0), random.Length / 256 / 2, random.Length / 256 * 2);
        Assert.False(random.AsSpan(0, 1024 * 1024).SequenceEqual(random.AsSpan(1024 * 1024, 1024 * 1024)));

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
        Assert.Equal(path, result.Path);
        Assert.Equal(original.Length, result.Size);
        Assert.Equal(3, result.Passes);
        Assert.True(result.Verified);
        Assert.True(result.Duration > TimeSpan.Zero);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void TheFileIsTruncatedAndRenamedToARandomNameBeforeDeletion()
    {
        using var dir = new TempDirectory();
        var path = dir.File("passport-scan.pdf");
        WriteRandom(path, 5000);
        var observer = new RecordingObserver();

        Eraser(observer).EraseFile(path, new SecureEraseOptions());

        var (from, to) = Assert.Single(observer.Renames);
        Assert.Equal(path, from);
        Assert.Equal(dir.Path, Path.GetDirectoryName(to));
        Assert.DoesNotContain("passport", to);
        Assert.False(File.Exists(to));
    }

    [Fact]
    public void ATamperedLastPassFailsVerificationAndTheFileIsKept()
    {
        using var dir = new TempDirectory();
        var path = dir.File("tampered.bin");
        WriteRandom(path, 200_000);
        var observer = new RecordingObserver
        {
            Tamper = file =>
            {
                var one = new byte[1];
                RandomAccess.Read(file, one, 150_000);
                one[0] ^= 0x01;
                RandomAccess.Write(file, one, 150_000);
            },
        };

        var ex = Assert.Throws<SpectraException>(() => Eraser(observer).EraseFile(path, new SecureEraseOptions { BlockSize = 64 * 1024 }));

        Assert.Equal(SecureDeleteErrors.VerificationFailed, ex.ErrorId);
        Assert.True(File.Exists(path));
        Assert.Equal(200_000, new FileInfo(path).Length);
    }

    [Theory]
    [InlineData(1, new[] { ErasePattern.Random })]
    [InlineData(2, new[] { ErasePattern.Zeros, ErasePattern.Random })]
    [InlineData(4, new[] { ErasePattern.Zeros, ErasePattern.Ones, ErasePattern.Zeros, ErasePattern.Random })]
    public void PassCountFollowsThePlan(int passes, ErasePattern[] expected)
    {
        using var dir = new TempDirectory();
        var path = dir.File("f");
        WriteRandom(path, 4096);
        var observer = new RecordingObserver();

        var result = Eraser(observer).EraseFile(path, new SecureEraseOptions { Passes = passes });

        Assert.Equal(expected, observer.Passes.Select(p => p.Pattern));
        Assert.Equal(passes, result.Passes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(36)]
    public void PassesOutsideTheRangeAreRejected(int passes)
    {
        using var dir = new TempDirectory();
        var path = dir.File("f");
        WriteRandom(path, 10);
        var ex = Assert.Throws<SpectraException>(() => Eraser().EraseFile(path, new SecureEraseOptions { Passes = passes }));
        Assert.Equal(SecureDeleteErrors.InvalidPasses, ex.ErrorId);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void AnEmptyFileIsDeletedWithoutPasses()
    {
        using var dir = new TempDirectory();
        var path = dir.File("empty");
        File.WriteAllBytes(path, []);
        var result = Eraser().EraseFile(path, new SecureEraseOptions());
        Assert.Equal(0, result.Passes);
        Assert.False(result.Verified);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void ASymbolicLinkIsRemovedAndItsTargetIsUntouched()
    {
        using var dir = new TempDirectory();
        var target = dir.File("target.txt");
        File.WriteAllText(target, "keep me");
        var link = dir.File("link.txt");
        File.CreateSymbolicLink(link, target);
        var observer = new RecordingObserver();

        var result = Eraser(observer).EraseFile(link, new SecureEraseOptions());

        Assert.False(File.Exists(link));
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.Equal("keep me", File.ReadAllText(target));
        Assert.Empty(observer.Passes);
        Assert.Equal(0, result.Passes);
        Assert.Contains(result.Warnings, w => w.Contains("symbolic link", StringComparison.Ordinal) && w.Contains(target, StringComparison.Ordinal));
    }

    [Fact]
    public void ADanglingSymbolicLinkIsRemoved()
    {
        using var dir = new TempDirectory();
        var link = dir.File("dangling");
        File.CreateSymbolicLink(link, dir.File("missing"));
        Eraser().EraseFile(link, new SecureEraseOptions());
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [SkippableFact]
    public void AFileWithAnotherHardLinkIsRefusedWithoutForce()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "hard link counts are read with statx on Linux");
        using var dir = new TempDirectory();
        var path = dir.File("a");
        var other = dir.File("b");
        var data = WriteRandom(path, 10_000);
        HardLink.Create(other, path);

        var ex = Assert.Throws<SpectraException>(() => Eraser().EraseFile(path, new SecureEraseOptions()));

        Assert.Equal(SecureDeleteErrors.HardLinkRefused, ex.ErrorId);
        Assert.Equal(SpectraErrorCategory.SecurityError, ex.Category);
        Assert.Equal(data, File.ReadAllBytes(path));
        Assert.Equal(data, File.ReadAllBytes(other));
    }

    [SkippableFact]
    public void WithForceAHardLinkedFileIsOverwrittenBeforeTheNameIsRemoved()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "hard link counts are read with statx on Linux");
        using var dir = new TempDirectory();
        var path = dir.File("a");
        var other = dir.File("b");
        var data = WriteRandom(path, 10_000);
        HardLink.Create(other, path);
        var observer = new RecordingObserver();

        var result = Eraser(observer).EraseFile(path, new SecureEraseOptions { Force = true });

        Assert.False(File.Exists(path));
        Assert.True(File.Exists(other));
        Assert.Equal(0, new FileInfo(other).Length);
        Assert.Equal(3, observer.Passes.Count);
        Assert.All(observer.Passes, p => Assert.NotEqual(data, p.Content));
        Assert.Contains(result.Warnings, w => w.Contains("1 other hard link", StringComparison.Ordinal));
    }

    [Fact]
    public void AReadOnlyFileNeedsForce()
    {
        using var dir = new TempDirectory();
        var path = dir.File("ro");
        var data = WriteRandom(path, 1000);
        new FileInfo(path).IsReadOnly = true;

        var ex = Assert.Throws<SpectraException>(() => Eraser().EraseFile(path, new SecureEraseOptions()));
        Assert.Equal(SecureDeleteErrors.ReadOnlyRefused, ex.ErrorId);
        Assert.Equal(data, File.ReadAllBytes(path));

        var result = Eraser().EraseFile(path, new SecureEraseOptions { Force = true });
        Assert.True(result.Verified);
        Assert.False(File.Exists(path));
    }

    [SkippableFact]
    public void ANamedPipeIsRefusedWithoutBeingOpened()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "file types are read with statx on Linux");
        using var dir = new TempDirectory();
        var fifo = dir.File("pipe");
        HardLink.CreateFifo(fifo);

        // Opening a FIFO for writing blocks until a reader appears; the type check must come first.
        var erase = Task.Run(() => Eraser().EraseFile(fifo, new SecureEraseOptions()));
        var finished = Task.WhenAny(erase, Task.Delay(TimeSpan.FromSeconds(20))).GetAwaiter().GetResult() == erase;
        Assert.True(finished, "the eraser blocked on a FIFO");
        var ex = Assert.IsType<SpectraException>(erase.Exception!.InnerException);
        Assert.Equal(SecureDeleteErrors.NotRegularFile, ex.ErrorId);
        Assert.True(File.Exists(fifo));
    }

    [Fact]
    public void CancellationStopsBeforeTheFileIsDeleted()
    {
        using var dir = new TempDirectory();
        var path = dir.File("c.bin");
        WriteRandom(path, 100_000);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => Eraser().EraseFile(path, new SecureEraseOptions(), null, cts.Token));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void AMissingPathIsReported()
    {
        using var dir = new TempDirectory();
        var ex = Assert.Throws<SpectraException>(() => Eraser().EraseFile(dir.File("nope"), new SecureEraseOptions()));
        Assert.Equal(SecureDeleteErrors.PathNotFound, ex.ErrorId);
        Assert.Equal(SpectraErrorCategory.ObjectNotFound, ex.Category);
    }

    [Fact]
    public void ADirectoryNeedsRecurse()
    {
        using var dir = new TempDirectory();
        var sub = Path.Combine(dir.Path, "sub");
        Directory.CreateDirectory(sub);
        File.WriteAllText(Path.Combine(sub, "f"), "x");
        var errors = new List<SpectraException>();
        var results = new List<SecureEraseResult>();

        Eraser().Erase(sub, new SecureEraseOptions(), results.Add, errors.Add);

        Assert.Empty(results);
        Assert.Equal(SecureDeleteErrors.DirectoryNeedsRecurse, Assert.Single(errors).ErrorId);
        Assert.True(File.Exists(Path.Combine(sub, "f")));
        Assert.Equal(SecureDeleteErrors.DirectoryNeedsRecurse,
            Assert.Throws<SpectraException>(() => Eraser().EraseFile(sub, new SecureEraseOptions())).ErrorId);
    }

    [Fact]
    public void RecurseErasesEveryFileRemovesTheTreeAndDoesNotFollowDirectoryLinks()
    {
        using var dir = new TempDirectory();
        var outside = Path.Combine(dir.Path, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "keep.txt"), "outside");
        var tree = Path.Combine(dir.Path, "tree");
        Directory.CreateDirectory(Path.Combine(tree, "a", "b"));
        File.WriteAllText(Path.Combine(tree, "top.txt"), "1");
        File.WriteAllText(Path.Combine(tree, "a", "mid.txt"), "22");
        File.WriteAllText(Path.Combine(tree, "a", "b", "deep.txt"), "333");
        Directory.CreateSymbolicLink(Path.Combine(tree, "a", "linked-dir"), outside);
        var results = new List<SecureEraseResult>();
        var errors = new List<SpectraException>();

        Eraser().Erase(tree, new SecureEraseOptions { Recurse = true }, results.Add, errors.Add);

        Assert.Empty(errors);
        Assert.False(Directory.Exists(tree));
        Assert.Equal("outside", File.ReadAllText(Path.Combine(outside, "keep.txt")));
        Assert.Equal(4, results.Count);
        Assert.Equal(3, results.Count(r => r.Verified));
        Assert.Single(results, r => r.Passes == 0 && r.Warnings.Any(w => w.Contains("symbolic link", StringComparison.Ordinal)));
        Assert.Equal(["outside"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void InARecursiveEraseOneRefusedFileDoesNotStopTheOthersAndItsDirectoryStays()
    {
        using var dir = new TempDirectory();
        var tree = Path.Combine(dir.Path, "tree");
        Directory.CreateDirectory(tree);
        File.WriteAllText(Path.Combine(tree, "a.txt"), "a");
        File.WriteAllText(Path.Combine(tree, "ro.txt"), "ro");
        new FileInfo(Path.Combine(tree, "ro.txt")).IsReadOnly = true;
        File.WriteAllText(Path.Combine(tree, "z.txt"), "z");
        var results = new List<SecureEraseResult>();
        var errors = new List<SpectraException>();

        Eraser().Erase(tree, new SecureEraseOptions { Recurse = true }, results.Add, errors.Add);

        Assert.Equal(2, results.Count);
        Assert.Equal(SecureDeleteErrors.ReadOnlyRefused, Assert.Single(errors).ErrorId);
        Assert.Equal(["ro.txt"], Directory.GetFileSystemEntries(tree).Select(Path.GetFileName));
    }

    [Fact]
    public void LargeFilesReportProgressPerPassAndAlwaysCloseTheBar()
    {
        using var dir = new TempDirectory();
        var path = dir.File("big.bin");
        WriteRandom(path, 5 * 1024 * 1024);
        var host = new CollectingHost();

        Eraser().EraseFile(path, new SecureEraseOptions(), host);

        var reports = host.ProgressReports.ToArray();
        Assert.Equal(5, reports.Length);
        Assert.Contains("pass 1 of 3", reports[0].Status, StringComparison.Ordinal);
        Assert.Contains("verifying", reports[3].Status, StringComparison.Ordinal);
        Assert.True(reports[^1].Completed);
        Assert.All(reports[..^1], r => Assert.False(r.Completed));
        Assert.True(reports.Select(r => r.PercentComplete).SequenceEqual(reports.Select(r => r.PercentComplete).Order()));

        var failing = dir.File("big2.bin");
        WriteRandom(failing, 5 * 1024 * 1024);
        var tamper = new RecordingObserver { Tamper = file => RandomAccess.Write(file, new byte[16], 0) };
        var failingHost = new CollectingHost();
        Assert.Throws<SpectraException>(() => Eraser(tamper).EraseFile(failing, new SecureEraseOptions(), failingHost));
        Assert.True(failingHost.ProgressReports.Last().Completed);
    }

    [Fact]
    public void CopyOnWriteStorageAddsAWarning()
    {
        using var dir = new TempDirectory();
        var mountInfo = dir.File("mountinfo");
        File.WriteAllLines(mountInfo,
        [
            "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
            $"90 27 0:55 / {dir.Path} rw,relatime shared:1 - btrfs /dev/sdz1 rw,ssd",
        ]);
        var path = dir.File("f");
        WriteRandom(path, 100);

        var result = Eraser(mountInfo: mountInfo).EraseFile(path, new SecureEraseOptions());

        Assert.Contains(result.Warnings, w => w.Contains("copy-on-write", StringComparison.Ordinal) && w.Contains("btrfs", StringComparison.Ordinal));
        Assert.False(File.Exists(path));
    }
}
