using System.Security.Cryptography;
using System.Text;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Model;
using static Spectra.Core.Tests.Storage.MigrationTests;

namespace Spectra.Core.Tests.Storage;

public sealed class MediaStoreTests
{
    public static TheoryData<string> HostileNames => new()
    {
        "../../x",
        "..\\..\\windows\\system32\\evil.dll",
        "/etc/passwd",
        "C:\\Windows\\win.ini",
        "CON",
        "nul.txt",
        "COM1",
        "lpt9.tar.gz",
        "bad\u0000name\u001f\r\n.jpg",
        "invoice\u202Egpj.exe",
        new string('a', 1000) + ".pdf",
        "..",
        "   ",
    };

    [SkippableFact]
    public async Task A_pipe_is_refused_before_it_is_opened_and_an_unopenable_file_is_MediaSourceUnreadable()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "file types are read with statx on Linux");
        using var temp = new TempArchive();
        using var db = temp.Open();
        var fifo = Path.Combine(temp.Directory, "photo.jpg");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        // Opening a FIFO blocks until a writer comes; the guard turns a regression into a failure, not a hung run.
        var error = await Assert.ThrowsAsync<Spectra.Core.Errors.SpectraException>(
            () => db.Media.StoreFileAsync(fifo, null).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal((MediaStore.MediaSourceUnreadable, Spectra.Core.Errors.SpectraErrorCategory.ReadError), (error.ErrorId, error.Category));
        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
        Assert.Equal(fifo, error.Location!.File);

        var tooLong = Path.Combine(temp.Directory, new string('x', 300));
        Assert.Equal(MediaStore.MediaSourceUnreadable,
            (await Assert.ThrowsAsync<Spectra.Core.Errors.SpectraException>(() => db.Media.StoreFileAsync(tooLong, null))).ErrorId);
        Assert.False(Directory.Exists(db.Media.RootDirectory) && Directory.EnumerateFiles(db.Media.RootDirectory, "*", SearchOption.AllDirectories).Any());
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task A_hostile_name_never_decides_where_the_file_lands(string name)
    {
        using var temp = new TempArchive();
        using var db = temp.Open();
        var content = Encoding.UTF8.GetBytes("payload for " + name);
        var expectedHash = Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();

        var record = await db.Media.StoreAsync(new MemoryStream(content), name, null);

        Assert.Equal(expectedHash, record.Sha256);
        Assert.Equal($"{expectedHash[..2]}/{expectedHash}", record.RelativePath);
        var files = Directory.GetFiles(temp.Directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(temp.DatabasePath, StringComparison.Ordinal)).ToList();
        Assert.Equal([Path.Combine(db.Media.RootDirectory, expectedHash[..2], expectedHash)], files);
        Assert.Equal(content, File.ReadAllBytes(files[0]));

        // The name as stored in the database is a single harmless segment.
        using var writer = db.CreateWriter();
        var peer = TempArchive.Channel();
        writer.UpsertPeer(peer);
        writer.WriteBatch(peer.PeerId, [TempArchive.Message(1) with
        {
            Media = [new ArchivedMedia("document") { Stored = record, OriginalName = name }],
        }]);
        var stored = Scalar(db.Connection, "SELECT original_name FROM message_media") as string;
        if (stored is not null)
        {
            Assert.DoesNotContain('/', stored);
            Assert.DoesNotContain('\\', stored);
            Assert.DoesNotContain(stored, c => char.IsControl(c) || c == '\u202E');
            Assert.NotEqual("..", stored);
            Assert.True(Encoding.UTF8.GetByteCount(stored) <= FileNameSanitizer.MaxBytes);
            Assert.DoesNotMatch("^(?i:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\.|$)", stored);
        }
    }

    [Fact]
    public void Sanitizing_keeps_ordinary_names_and_extensions()
    {
        Assert.Equal("holiday photo.jpg", FileNameSanitizer.Sanitize("holiday photo.jpg"));
        Assert.Equal("x", FileNameSanitizer.Sanitize("../../x"));
        Assert.Equal("_CON", FileNameSanitizer.Sanitize("CON"));
        Assert.Equal("_nul.txt", FileNameSanitizer.Sanitize("nul.txt"));
        Assert.Equal("a_b.txt", FileNameSanitizer.Sanitize("a:b.txt"));
        Assert.Null(FileNameSanitizer.Sanitize(".."));
        var longName = FileNameSanitizer.Sanitize(new string('é', 1000) + ".pdf")!;
        Assert.EndsWith(".pdf", longName, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(longName) <= 255);
    }

    [Fact]
    public async Task The_same_content_is_stored_once_across_channels()
    {
        using var temp = new TempArchive();
        using var db = temp.Open();
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var a = await db.Media.StoreAsync(new MemoryStream(bytes), "a.bin", "application/octet-stream");
        var b = await db.Media.StoreAsync(new MemoryStream(bytes), "b.bin", null);
        Assert.Equal(a.Sha256, b.Sha256);

        using var writer = db.CreateWriter();
        var one = TempArchive.Channel(1, "one");
        var two = TempArchive.Channel(2, "two");
        writer.UpsertPeer(one);
        writer.UpsertPeer(two);
        writer.WriteBatch(one.PeerId, [TempArchive.Message(1) with { Media = [new ArchivedMedia("document") { Stored = a }] }]);
        writer.WriteBatch(two.PeerId, [TempArchive.Message(1) with { Media = [new ArchivedMedia("document") { Stored = b }] }]);

        Assert.Single(Directory.GetFiles(db.Media.RootDirectory, "*", SearchOption.AllDirectories));
        Assert.Equal(1L, Scalar(db.Connection, "SELECT count(*) FROM media"));
        Assert.Equal(2L, Scalar(db.Connection, "SELECT count(*) FROM message_media"));
    }

    [Fact]
    public async Task A_failed_write_leaves_no_file_behind()
    {
        using var temp = new TempArchive();
        using var db = temp.Open();
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Media.StoreAsync(new FailingStream(), "x", null));
        Assert.Empty(Directory.GetFiles(db.Media.RootDirectory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_media_directory_that_cannot_be_created_is_MediaWriteFailed()
    {
        // A read-only folder beside the archive, or a file where the media folder should be: not a raw .NET error.
        using var temp = new TempArchive();
        var blocker = Path.Combine(temp.Directory, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");
        var store = new MediaStore(Path.Combine(blocker, "media"));

        var error = await Assert.ThrowsAsync<Spectra.Core.Errors.SpectraException>(
            () => store.StoreAsync(new MemoryStream(Encoding.UTF8.GetBytes("photo")), "a.jpg", null));
        Assert.Equal("MediaWriteFailed", error.ErrorId);
        Assert.Equal(store.RootDirectory, error.Location!.File);
    }

    [Fact]
    public async Task A_missing_file_placeholder_does_not_downgrade_a_stored_link()
    {
        using var temp = new TempArchive();
        using var db = temp.Open();
        var record = await db.Media.StoreAsync(new MemoryStream([1, 2, 3]), "p.jpg", null);
        using var writer = db.CreateWriter();
        var peer = TempArchive.Channel();
        writer.UpsertPeer(peer);
        writer.WriteBatch(peer.PeerId, [TempArchive.Message(1) with { Media = [new ArchivedMedia("photo") { Stored = record }] }]);

        var again = writer.WriteBatch(peer.PeerId, [TempArchive.Message(1) with
        {
            Media = [new ArchivedMedia("photo") { MissingReason = "(File not included. Change data exporting settings to download.)" }],
        }]);

        Assert.Equal(1, again.Unchanged);
        Assert.Equal(record.Sha256, Scalar(db.Connection, "SELECT sha256 FROM message_media"));
        Assert.Equal("image/jpeg", Scalar(db.Connection, "SELECT mime FROM media"));
    }

    private sealed class FailingStream : Stream
    {
        private int _reads;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) =>
            _reads++ == 0 ? count : throw new InvalidOperationException("source went away");
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
