namespace Spectra.Core.Security;

/// <summary>
/// What the OS says about one file: which inode on which device, how many names it has, its type bits, and the
/// block device it lives on. Read without following symbolic links.
/// </summary>
internal readonly record struct FileIdentity(ulong DeviceMajor, ulong DeviceMinor, ulong Inode, uint LinkCount, uint Mode)
{
    private const uint TypeMask = 0xF000;
    private const uint RegularFile = 0x8000;

    public bool IsRegularFile => (Mode & TypeMask) == RegularFile;

    public bool SameFileAs(FileIdentity other) =>
        DeviceMajor == other.DeviceMajor && DeviceMinor == other.DeviceMinor && Inode == other.Inode;
}
