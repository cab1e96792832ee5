namespace Spectra.Core.Security;

/// <summary>
/// Says where overwriting in place cannot be trusted to destroy old data: copy-on-write and log-structured file
/// systems (new writes go to new blocks), network file systems, journalled file data, and solid-state devices (wear
/// levelling keeps old cells). On Linux it reads /proc/self/mountinfo and /sys/dev/block/MAJ:MIN/queue/rotational;
/// elsewhere it asks the OS for the file system name. Results are cached per directory.
/// </summary>
internal sealed class StorageInspector
{
    private static readonly HashSet<string> CopyOnWrite = new(StringComparer.OrdinalIgnoreCase)
    {
        "btrfs", "zfs", "apfs", "bcachefs", "overlay", "overlayfs", "refs", "aufs", "unionfs",
    };

    private static readonly HashSet<string> LogStructured = new(StringComparer.OrdinalIgnoreCase)
    {
        "f2fs", "nilfs2", "jffs2", "ubifs", "yaffs2", "logfs",
    };

    private static readonly HashSet<string> Remote = new(StringComparer.OrdinalIgnoreCase)
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "ceph", "glusterfs", "fuse.sshfs", "davfs", "virtiofs",
    };

    private readonly string _mountInfoPath;
    private readonly string _sysDevBlock;
    private readonly Dictionary<string, IReadOnlyList<string>> _cache = new(StringComparer.Ordinal);

    public StorageInspector()
        : this("/proc/self/mountinfo", "/sys/dev/block")
    {
    }

    /// <summary>Tests pass a fake mountinfo file and sysfs tree.</summary>
    internal StorageInspector(string mountInfoPath, string sysDevBlock)
    {
        _mountInfoPath = mountInfoPath;
        _sysDevBlock = sysDevBlock;
    }

    public IReadOnlyList<string> WarningsFor(string directory)
    {
        lock (_cache)
        {
            if (!_cache.TryGetValue(directory, out var warnings))
            {
                warnings = Inspect(directory);
                _cache[directory] = warnings;
            }

            return warnings;
        }
    }

    private IReadOnlyList<string> Inspect(string directory)
    {
        var warnings = new List<string>();
        try
        {
            if (File.Exists(_mountInfoPath))
            {
                var mount = FindMount(RealPath(directory));
                if (mount is not null)
                {
                    AddFileSystemWarnings(mount.FileSystem, mount.Options, warnings);
                    if (IsSolidState(mount.MajorMinor) is true)
                    {
                        warnings.Add($"The device holding this file ({mount.Source}) is solid-state: wear levelling and spare cells may keep the old data, so overwriting cannot guarantee it is gone. Full-disk encryption is the reliable protection on such devices.");
                    }
                }
            }
            else if (!OperatingSystem.IsLinux())
            {
                AddFileSystemWarnings(new DriveInfo(directory).DriveFormat, string.Empty, warnings);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            warnings.Add("The storage under this file could not be inspected (" + ex.GetType().Name + "); whether overwriting reaches the old blocks is unknown.");
        }

        return warnings;
    }

    private static void AddFileSystemWarnings(string fileSystem, string options, List<string> warnings)
    {
        if (CopyOnWrite.Contains(fileSystem))
        {
            warnings.Add($"The file system ({fileSystem}) is copy-on-write: overwrites go to new blocks and the old ones may survive (also in snapshots), so overwriting cannot guarantee the old data is gone.");
        }
        else if (LogStructured.Contains(fileSystem))
        {
            warnings.Add($"The file system ({fileSystem}) is log-structured: overwrites are appended elsewhere and the old data may survive until the space is reclaimed, so overwriting cannot guarantee it is gone.");
        }
        else if (Remote.Contains(fileSystem) || fileSystem.StartsWith("fuse", StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add($"The file is on a network or user-space file system ({fileSystem}): where the blocks really go is up to the server or the driver, so overwriting cannot guarantee the old data is gone.");
        }

        if (options.Contains("data=journal", StringComparison.Ordinal))
        {
            warnings.Add($"The file system ({fileSystem}) journals file data (data=journal): copies of the old contents may remain in the journal.");
        }
    }

    private MountEntry? FindMount(string path)
    {
        MountEntry? best = null;
        foreach (var line in File.ReadLines(_mountInfoPath))
        {
            var entry = MountEntry.Parse(line);
            if (entry is null || !IsUnder(path, entry.MountPoint))
            {
                continue;
            }

            // Later lines win on equal mount points: they are mounted on top of the earlier ones.
            if (best is null || entry.MountPoint.Length >= best.MountPoint.Length)
            {
                best = entry;
            }
        }

        return best;
    }

    private static bool IsUnder(string path, string mountPoint) =>
        mountPoint == "/" || path == mountPoint || path.StartsWith(mountPoint + "/", StringComparison.Ordinal);

    private bool? IsSolidState(string majorMinor)
    {
        var device = Path.Combine(_sysDevBlock, majorMinor);
        if (!Directory.Exists(device))
        {
            return null;
        }

        var resolved = new DirectoryInfo(device).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? device;
        // A partition has no queue/ of its own; its disk (the parent directory) does.
        foreach (var candidate in new[] { resolved, Path.GetDirectoryName(resolved) })
        {
            var rotational = candidate is null ? null : Path.Combine(candidate, "queue", "rotational");
            if (rotational is not null && File.Exists(rotational))
            {
                return File.ReadAllText(rotational).Trim() == "0";
            }
        }

        return null;
    }

    /// <summary>The path with every symbolic link in it resolved, so it can be matched against mount points.</summary>
    internal static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = new DirectoryInfo(next);
            var target = info.Exists || info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true) : null;
            current = target?.FullName ?? next;
        }

        return current;
    }
}
