using System.Security.Cryptography;
using System.Text;

namespace Spectra.Core.Security;

/// <summary>
/// A secret (api_hash, phone number, login code, 2FA password, auth key) held as bytes in a pinned array, so the GC
/// never leaves copies behind when it compacts the heap. The bytes are locked in RAM where the OS allows it, never
/// printed (<see cref="ToString"/> gives a tag such as <c>Secret(api_hash#3fa9c1)</c>), compared in constant time and
/// zeroed on <see cref="Dispose"/>. Read them only briefly through <see cref="Use{T}"/>.
/// </summary>
public sealed class SecretValue : IDisposable, IEquatable<SecretValue>
{
    private readonly byte[] _bytes;
    private readonly string _tag;
    private readonly bool _locked;
    private bool _disposed;

    public SecretValue(string name, ReadOnlySpan<byte> value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _bytes = GC.AllocateArray<byte>(value.Length, pinned: true);
        value.CopyTo(_bytes);
        _locked = MemoryLock.TryLock(_bytes);
        _tag = $"Secret({name}#{SecretTag.Compute(_bytes)})";
    }

    /// <summary>What the secret is (e.g. <c>api_hash</c>); shown in tags and error messages instead of the value.</summary>
    public string Name { get; }

    public int Length => _bytes.Length;

    /// <summary>Whether the OS agreed to keep the bytes out of swap (best effort; false is not an error).</summary>
    public bool IsMemoryLocked => _locked && !_disposed;

    public bool IsDisposed => _disposed;

    /// <summary>Test access to the pinned storage, to check that Dispose really zeroes it.</summary>
    internal byte[] StorageForTests => _bytes;

    /// <summary>Wraps the UTF-8 bytes of <paramref name="value"/>; the string itself cannot be wiped, so drop it soon.</summary>
    public static SecretValue FromString(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var scratch = GC.AllocateArray<byte>(byteCount, pinned: true);
        try
        {
            Encoding.UTF8.GetBytes(value, scratch);
            return new SecretValue(name, scratch);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scratch);
        }
    }

    /// <summary>Lends the bytes to <paramref name="use"/>; the span must not be stored or copied to the heap.</summary>
    public T Use<T>(SecretSpanFunc<T> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return use(_bytes);
    }

    /// <summary>Constant-time comparison of the contents (the length may still differ observably, as with any MAC check).</summary>
    public bool Equals(SecretValue? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        ObjectDisposedException.ThrowIf(other._disposed, other);
        return CryptographicOperations.FixedTimeEquals(_bytes, other._bytes);
    }

    public override bool Equals(object? obj) => obj is SecretValue other && Equals(other);

    /// <summary>Derived from the keyed tag, so it reveals nothing a dictionary attack could use.</summary>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_tag[(_tag.IndexOf('#', StringComparison.Ordinal) + 1)..]);

    public override string ToString() => _tag;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        CryptographicOperations.ZeroMemory(_bytes);
        if (_locked)
        {
            MemoryLock.Unlock(_bytes);
        }

        _disposed = true;
    }
}
