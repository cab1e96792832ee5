using Spectra.Core.Storage;
using Spectra.Core.Storage.Model;

namespace Spectra.Core.Tests.Storage;

/// <summary>A fresh archive in its own temporary folder, deleted afterwards.</summary>
internal sealed class TempArchive : IDisposable
{
    public TempArchive()
    {
        Directory = Path.Combine(Path.GetTempPath(), "spectra-store-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        DatabasePath = Path.Combine(Directory, "archive.db");
    }

    public string Directory { get; }

    public string DatabasePath { get; }

    public static PeerRecord Channel(long bareId = 1001, string? username = "spectra_test", string? title = "Test channel") =>
        PeerRecord.FromBare(PeerType.Channel, bareId) with { Username = username, Title = title };

    public static ArchivedMessage Message(long id, string? text = null, DateTimeOffset? date = null) =>
        new(id, date ?? DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + id * 60)) { Text = text ?? $"message number {id}", SenderId = 42 };

    public ArchiveDatabase Open() => ArchiveDatabase.Open(DatabasePath);

    /// <summary>Writes <paramref name="messages"/> in one batch to the test channel (<see cref="Channel"/>) and closes the archive.</summary>
    public void Write(IReadOnlyList<ArchivedMessage> messages)
    {
        using var db = Open();
        using var writer = db.CreateWriter();
        var peer = Channel();
        writer.UpsertPeer(peer);
        writer.WriteBatch(peer.PeerId, messages);
    }

    /// <summary>Opens the archive with one channel and <paramref name="count"/> messages in it.</summary>
    public ArchiveDatabase OpenSeeded(int count = 10, PeerRecord? peer = null)
    {
        var db = Open();
        peer ??= Channel();
        using var writer = db.CreateWriter();
        writer.UpsertPeer(peer);
        writer.WriteBatch(peer.PeerId, Enumerable.Range(1, count).Select(i => Message(i)).ToList(),
            new SyncStateUpdate(SyncStatus.Complete));
        return db;
    }

    /// <summary>
    /// What an import started in the middle of a read does to the file: on a connection of its own, commits new text
    /// for every message (pages split, index and versions grow) and checkpoints the log into the database file,
    /// waiting only briefly for readers.
    /// </summary>
    public void RewriteEveryMessageAndCheckpoint()
    {
        using var connection = SqliteConnections.OpenReadWrite(DatabasePath, TimeSpan.FromMilliseconds(200), create: false);
        SqliteConnections.Execute(connection,
            "UPDATE messages SET text = 'rewritten message number ' || message_id || ' ' || hex(randomblob(200))");
        SqliteConnections.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    /// <summary>
    /// Damages the file the way a failing disk does: <paramref name="bytes"/> random bytes (the same every run) written
    /// into each of <paramref name="pages"/> pages from the middle of the file on, past the page header.
    /// </summary>
    public void DamagePages(int pages = 40, int bytes = 64)
    {
        using var file = new FileStream(DatabasePath, FileMode.Open, FileAccess.ReadWrite);
        Span<byte> header = stackalloc byte[2];
        file.Position = 16;
        file.ReadExactly(header);
        var pageSize = (header[0] << 8) | header[1];
        pageSize = pageSize == 1 ? 65536 : pageSize; // the header's way of writing 64 KiB
        var count = file.Length / pageSize;
        if (count < pages + 2)
        {
            throw new InvalidOperationException(FormattableString.Invariant($"The archive has only {count} pages."));
        }

        var random = new Random(20240301);
        var noise = new byte[bytes];
        for (var page = count / 2 - pages / 2; page < count / 2 - pages / 2 + pages; page++)
        {
            random.NextBytes(noise);
            file.Position = page * pageSize + 100;
            file.Write(noise);
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
