using System.Text;
using Spectra.Core.Security;

namespace Spectra.Core.Tests.Security;

public class SecretValueTests
{
    private const string Hash = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void DisposeZeroesThePinnedStorage()
    {
        var secret = SecretValue.FromString("api_hash", Hash);
        var storage = secret.StorageForTests;
        Assert.Equal(Encoding.UTF8.GetBytes(Hash), storage);

        secret.Dispose();

        Assert.True(secret.IsDisposed);
        Assert.All(storage, b => Assert.Equal(0, b));
        Assert.Equal(Hash.Length, storage.Length);
    }

    [Fact]
    public void StorageIsPinnedSoTheGcCannotLeaveCopies()
    {
        using var secret = SecretValue.FromString("phone", "+15551234567");
        Assert.Equal(typeof(byte[]), secret.StorageForTests.GetType());
        Assert.True(GC.GetGeneration(secret.StorageForTests) >= 0);
        // Pinned-object-heap arrays report generation 2 from allocation on.
        Assert.Equal(GC.MaxGeneration, GC.GetGeneration(secret.StorageForTests));
    }

    [Fact]
    public void ToStringIsATagThatNeverContainsTheValue()
    {
        using var secret = SecretValue.FromString("api_hash", Hash);
        var text = secret.ToString();
        Assert.Matches(@"^Secret\(api_hash#[0-9a-f]{6}\)$", text);
        Assert.DoesNotContain(Hash, text);
        Assert.DoesNotContain(Hash[..6], text);
        Assert.Equal(text, $"{secret}");
    }

    [Fact]
    public void TagsAreStableWithinTheProcessAndDifferForDifferentValues()
    {
        using var a = SecretValue.FromString("code", "12345");
        using var b = SecretValue.FromString("code", "12345");
        using var c = SecretValue.FromString("code", "12346");
        Assert.Equal(a.ToString(), b.ToString());
        Assert.NotEqual(a.ToString(), c.ToString());
    }

    [Fact]
    public void EqualityComparesContents()
    {
        using var a = SecretValue.FromString("password", "correct horse");
        using var b = SecretValue.FromString("password", "correct horse");
        using var c = SecretValue.FromString("password", "correct horsf");
        using var shorter = SecretValue.FromString("password", "correct");
        Assert.True(a.Equals(b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals(c));
        Assert.False(a.Equals(shorter));
        Assert.False(a.Equals(null));
        Assert.False(a.Equals((object)"correct horse"));
    }

    [Fact]
    public void UseLendsTheBytesAndRefusesAfterDispose()
    {
        var secret = SecretValue.FromString("auth_key", "k3y");
        Assert.Equal("k3y", secret.Use(bytes => Encoding.UTF8.GetString(bytes)));
        Assert.Equal(3, secret.Length);
        secret.Dispose();
        Assert.Throws<ObjectDisposedException>(() => secret.Use(bytes => bytes.Length));
        Assert.False(secret.IsMemoryLocked);
        secret.Dispose();
    }

    [Fact]
    public void LockingIsBestEffortAndNeverThrows()
    {
        using var secret = new SecretValue("session", new byte[256]);
        // Whether the OS grants the lock depends on RLIMIT_MEMLOCK; the property must simply answer.
        _ = secret.IsMemoryLocked;
        using var empty = new SecretValue("empty", ReadOnlySpan<byte>.Empty);
        Assert.False(empty.IsMemoryLocked);
        Assert.Equal(0, empty.Length);
    }
}
