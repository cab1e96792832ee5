using Microsoft.Win32.SafeHandles;
using Spectra.Core.Security;

namespace Spectra.Core.Tests.Security;

/// <summary>Reads the file from disk after every pass, and can tamper with it before verification.</summary>
internal sealed class RecordingObserver : IEraseObserver
{
    public List<(ErasePattern Pattern, byte[] Content)> Passes { get; } = [];

    public List<(string From, string To)> Renames { get; } = [];

    public Action<SafeFileHandle>? Tamper { get; init; }

    public void PassCompleted(SafeFileHandle file, int passIndex, ErasePattern pattern)
    {
        var content = new byte[RandomAccess.GetLength(file)];
        var read = 0;
        while (read < content.Length)
        {
            read += RandomAccess.Read(file, content.AsSpan(read), read);
        }

        Passes.Add((pattern, content));
    }

    public void BeforeVerify(SafeFileHandle file) => Tamper?.Invoke(file);

    public void Renamed(string originalPath, string renamedPath)
    {
        Renames.Add((originalPath, renamedPath));
        Assert.False(File.Exists(originalPath));
        Assert.True(File.Exists(renamedPath));
        Assert.Equal(0, new FileInfo(renamedPath).Length);
    }
}
