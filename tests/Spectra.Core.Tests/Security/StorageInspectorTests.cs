using Spectra.Core.Security;
using Spectra.Core.Tests.Support;

namespace Spectra.Core.Tests.Security;

public class StorageInspectorTests
{
    private static IReadOnlyList<string> WarningsFor(TempDirectory dir, string target, params string[] mountLines)
    {
        var mountInfo = dir.File("mountinfo");
        File.WriteAllLines(mountInfo, mountLines);
        return new StorageInspector(mountInfo, Path.Combine(dir.Path, "sys")).WarningsFor(target);
    }

    private static void FakeDevice(TempDirectory dir, string majorMinor, string rotational, bool partition = false)
    {
        var device = Path.Combine(dir.Path, "sys", majorMinor);
        var queue = partition ? Path.Combine(dir.Path, "sys", "disk", "queue") : Path.Combine(device, "queue");
        if (partition)
        {
            Directory.CreateDirectory(Path.Combine(dir.Path, "sys", "disk", "part1"));
            Directory.CreateSymbolicLink(device, Path.Combine(dir.Path, "sys", "disk", "part1"));
        }

        Directory.CreateDirectory(queue);
        File.WriteAllText(Path.Combine(queue, "rotational"), rotational + "\n");
    }

    [Theory]
    [InlineData("btrfs")]
    [InlineData("zfs")]
    [InlineData("bcachefs")]
    [InlineData("overlay")]
    public void CopyOnWriteFileSystemsAreNamed(string fs)
    {
        using var dir = new TempDirectory();
        var warnings = WarningsFor(dir, dir.Path, "27 1 254:0 / / rw - ext4 /dev/vda rw", $"90 27 0:55 / {dir.Path} rw - {fs} none rw");
        Assert.Contains(warnings, w => w.Contains("copy-on-write", StringComparison.Ordinal) && w.Contains(fs, StringComparison.Ordinal));
    }

    [Fact]
    public void TheLongestMatchingMountPointWins()
    {
        using var dir = new TempDirectory();
        var warnings = WarningsFor(dir, "/data/archive/x", "1 0 8:0 / / rw - btrfs /dev/sda rw", "2 1 254:0 / /data rw - ext4 /dev/vda rw", "3 1 0:9 / /dat rw - zfs pool rw");
        Assert.Empty(warnings);
    }

    [Fact]
    public void SolidStateDevicesAreNamedAndSpinningDisksAreNot()
    {
        using var dir = new TempDirectory();
        FakeDevice(dir, "8:0", "0");
        FakeDevice(dir, "8:16", "1");
        FakeDevice(dir, "8:33", "0", partition: true);
        Assert.Contains(WarningsFor(dir, "/x", "1 0 8:0 / / rw - ext4 /dev/sda rw"), w => w.Contains("solid-state", StringComparison.Ordinal) && w.Contains("/dev/sda", StringComparison.Ordinal));
        Assert.Empty(WarningsFor(dir, "/x", "1 0 8:16 / / rw - ext4 /dev/sdb rw"));
        Assert.Contains(WarningsFor(dir, "/x", "1 0 8:33 / / rw - xfs /dev/sdc1 rw"), w => w.Contains("solid-state", StringComparison.Ordinal));
    }

    [Fact]
    public void JournalledDataAndNetworkFileSystemsAreNamed()
    {
        using var dir = new TempDirectory();
        Assert.Contains(WarningsFor(dir, "/x", "1 0 8:0 / / rw - ext4 /dev/sda rw,data=journal"), w => w.Contains("data=journal", StringComparison.Ordinal));
        Assert.Contains(WarningsFor(dir, "/mnt/share/x", "1 0 8:0 / / rw - ext4 /dev/sda rw", "2 1 0:60 / /mnt/share rw - nfs4 srv:/export rw"), w => w.Contains("network", StringComparison.Ordinal));
    }

    [Fact]
    public void EscapedMountPointsAreUnderstood()
    {
        var entry = MountEntry.Parse(@"5 1 0:44 / /mnt/my\040disk rw,relatime shared:2 master:1 - btrfs /dev/sdb rw,space_cache");
        Assert.NotNull(entry);
        Assert.Equal("/mnt/my disk", entry.MountPoint);
        Assert.Equal("btrfs", entry.FileSystem);
        Assert.Equal("0:44", entry.MajorMinor);
        Assert.Null(MountEntry.Parse("garbage"));
    }

    [SkippableFact]
    public void TheRealMachineIsInspectedWithoutErrors()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "reads /proc/self/mountinfo");
        var warnings = new StorageInspector().WarningsFor(Path.GetTempPath());
        Assert.DoesNotContain(warnings, w => w.Contains("could not be inspected", StringComparison.Ordinal));
    }
}
