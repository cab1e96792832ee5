namespace Spectra.Telegram.Crypto;

/// <summary>
/// The RSA keys the client trusts during the auth-key exchange, looked up by the fingerprints resPQ offers.
/// <see cref="Default"/> holds Telegram's current production key (fingerprint 0xd09d1d85de64fd85) and test-DC key
/// (0xb25898df208d2603), as published on my.telegram.org; test servers add their own with <see cref="With(RsaPublicKey)"/>.
/// </summary>
public sealed class ServerKeyRing
{
    private const string ProductionPem = """
        -----BEGIN RSA PUBLIC KEY-----
        MIIBCgKCAQEA6LszBcC1LGzyr992NzE0ieY+BSaOW622Aa9Bd4ZHLl+TuFQ4lo4g
        5nKaMBwK/BIb9xUfg0Q29/2mgIR6Zr9krM7HjuIcCzFvDtr+L0GQjae9H0pRB2OO
        62cECs5HKhT5DZ98K33vmWiLowc621dQuwKWSQKjWf50XYFw42h21P2KXUGyp2y/
        +aEyZ+uVgLLQbRA1dEjSDZ2iGRy12Mk5gpYc397aYp438fsJoHIgJ2lgMv5h7WY9
        t6N/byY9Nw9p21Og3AoXSL2q/2IJ1WRUhebgAdGVMlV1fkuOQoEzR7EdpqtQD9Cs
        5+bfo3Nhmcyvk5ftB0WkJ9z6bNZ7yxrP8wIDAQAB
        -----END RSA PUBLIC KEY-----
        """;

    private const string TestPem = """
        -----BEGIN RSA PUBLIC KEY-----
        MIIBCgKCAQEAyMEdY1aR+sCR3ZSJrtztKTKqigvO/vBfqACJLZtS7QMgCGXJ6XIR
        yy7mx66W0/sOFa7/1mAZtEoIokDP3ShoqF4fVNb6XeqgQfaUHd8wJpDWHcR2OFwv
        plUUI1PLTktZ9uW2WE23b+ixNwJjJGwBDJPQEQFBE+vfmH0JP503wr5INS1poWg/
        j25sIWeYPHYeOrFp/eXaqhISP6G+q2IeTaWTXpwZj4LzXq5YOpk4bYEQ6mvRq7D1
        aHWfYmlEGepfaYR8Q0YqvvhYtMte3ITnuSJs171+GDqpdKcSwHnd6FudwGO4pcCO
        j4WcDuXc2CTHgH8gFTNhp/Y8/SpDOhvn9QIDAQAB
        -----END RSA PUBLIC KEY-----
        """;

    private static readonly Lazy<ServerKeyRing> s_default = new(() =>
        new ServerKeyRing([RsaPublicKey.FromPem(ProductionPem), RsaPublicKey.FromPem(TestPem)]));

    private readonly Dictionary<long, RsaPublicKey> _keys;

    public ServerKeyRing(IEnumerable<RsaPublicKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = [];
        foreach (var key in keys)
        {
            _keys[key.Fingerprint] = key;
        }
    }

    public static ServerKeyRing Default => s_default.Value;

    public IReadOnlyCollection<RsaPublicKey> Keys => _keys.Values;

    /// <summary>A new ring with this ring's keys plus <paramref name="key"/>.</summary>
    public ServerKeyRing With(RsaPublicKey key) => new(_keys.Values.Append(key));

    /// <summary>A new ring with this ring's keys plus every key of a PEM text (one or more blocks).</summary>
    public ServerKeyRing WithPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var keys = new List<RsaPublicKey>();
        const string end = "-----END";
        var start = 0;
        while (true)
        {
            var begin = pem.IndexOf("-----BEGIN", start, StringComparison.Ordinal);
            if (begin < 0)
            {
                break;
            }

            var stop = pem.IndexOf(end, begin, StringComparison.Ordinal);
            var close = stop < 0 ? -1 : pem.IndexOf("-----", stop + end.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException("A PEM block has no END line.");
            }

            keys.Add(RsaPublicKey.FromPem(pem[begin..(close + 5)]));
            start = close + 5;
        }

        if (keys.Count == 0)
        {
            throw new FormatException("No PEM public key block found.");
        }

        return new ServerKeyRing(_keys.Values.Concat(keys));
    }

    public bool TryFind(IEnumerable<long> fingerprints, out RsaPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(fingerprints);
        foreach (var fingerprint in fingerprints)
        {
            if (_keys.TryGetValue(fingerprint, out var found))
            {
                key = found;
                return true;
            }
        }

        key = null!;
        return false;
    }
}
