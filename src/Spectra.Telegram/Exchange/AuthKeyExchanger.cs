using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Mtproto;
using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Mtproto;
using Spectra.Telegram.Transport;

namespace Spectra.Telegram.Exchange;

/// <summary>
/// The client side of MTProto's auth-key creation (core.telegram.org/mtproto/auth_key): req_pq_multi, pq
/// factorization, p_q_inner_data_dc under RSA_PAD, server_DH_params_ok with every nonce, hash and DH range check,
/// set_client_DH_params, and dh_gen_ok / dh_gen_retry / dh_gen_fail with their new_nonce_hash checks.
/// </summary>
public sealed class AuthKeyExchanger
{
    private const int MaxRetries = 5;

    private readonly ServerKeyRing _keys;
    private readonly int _dcId;
    private readonly RandomFill _random;
    private readonly TimeProvider _time;

    public AuthKeyExchanger(ServerKeyRing keys, int dcId, RandomFill? random = null, TimeProvider? time = null)
    {
        _keys = keys ?? throw new ArgumentNullException(nameof(keys));
        _dcId = dcId;
        _random = random ?? (static buffer => RandomNumberGenerator.Fill(buffer));
        _time = time ?? TimeProvider.System;
    }

    public async Task<AuthKeyResult> ExecuteAsync(IFrameChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var ids = new MessageIdGenerator(_time);
        var nonce = RandomBytes(16);
        var resPq = await CallAsync(channel, ids, new ReqPqMultiRequest { Nonce = nonce }, ResPQ.ReadBoxed, cancellationToken).ConfigureAwait(false);
        RequireEqual(resPq.Nonce, nonce, "resPQ.nonce");
        var serverNonce = resPq.ServerNonce;

        if (!_keys.TryFind(resPq.ServerPublicKeyFingerprints, out var rsaKey))
        {
            throw new AuthKeyExchangeException("The server offered no RSA key this client trusts (fingerprints " +
                string.Join(", ", resPq.ServerPublicKeyFingerprints.Select(f => FormattableString.Invariant($"0x{f:x16}"))) +
                "); add the server's public key (PEM) to the key ring.")
            {
                ServerKeyUntrusted = true,
            };
        }

        if (resPq.Pq.Length is 0 or > 8)
        {
            throw new MtprotoSecurityException("resPQ.pq is not a 64-bit number.");
        }

        var (p, q) = PqFactorizer.Factorize(ReadBigEndianUInt64(resPq.Pq));
        var newNonce = RandomBytes(32);
        var inner = new PQInnerDataDc
        {
            Pq = resPq.Pq,
            P = ToBigEndian(p),
            Q = ToBigEndian(q),
            Nonce = nonce,
            ServerNonce = serverNonce,
            NewNonce = newNonce,
            Dc = _dcId,
        };
        var request = new ReqDHParamsRequest
        {
            Nonce = nonce,
            ServerNonce = serverNonce,
            P = inner.P,
            Q = inner.Q,
            PublicKeyFingerprint = rsaKey.Fingerprint,
            EncryptedData = RsaPad.Encrypt(inner.ToBytes(), rsaKey, _random),
        };
        var dhParams = await CallAsync(channel, ids, request, ServerDHParamsBase.ReadBoxed, cancellationToken).ConfigureAwait(false);
        if (dhParams is ServerDHParamsFail)
        {
            throw new AuthKeyExchangeException("The server refused req_DH_params (server_DH_params_fail).");
        }

        var ok = Expect<ServerDHParamsOk>(dhParams);
        RequireEqual(ok.Nonce, nonce, "server_DH_params.nonce");
        RequireEqual(ok.ServerNonce, serverNonce, "server_DH_params.server_nonce");
        var (tmpKey, tmpIv) = HandshakeCrypto.DeriveTemporaryAesKey(serverNonce, newNonce);
        var answer = HandshakeCrypto.DecryptWithHash(ok.EncryptedAnswer, tmpKey, tmpIv);
        var reader = new TlReader(answer.AsMemory(20));
        ServerDHInnerData dh;
        try
        {
            dh = ServerDHInnerData.ReadBoxed(reader);
        }
        catch (TlException ex)
        {
            throw new MtprotoSecurityException("server_DH_inner_data does not decrypt to a valid object: " + ex.Message);
        }

        HandshakeCrypto.VerifyHash(answer, reader.Position);
        RequireEqual(dh.Nonce, nonce, "server_DH_inner_data.nonce");
        RequireEqual(dh.ServerNonce, serverNonce, "server_DH_inner_data.server_nonce");
        var prime = BigEndian.ToInteger(dh.DhPrime);
        DhChecks.CheckPrimeAndGenerator(prime, dh.G);
        var gA = BigEndian.ToInteger(dh.GA);
        DhChecks.CheckPublicValue(gA, prime, "g_a");
        var timeOffset = (int)(dh.ServerTime - _time.GetUtcNow().ToUnixTimeSeconds());
        ids.TimeOffsetSeconds = timeOffset;

        long retryId = 0;
        for (var attempt = 0; attempt <= MaxRetries; attempt++)
        {
            var b = BigEndian.ToInteger(RandomBytes(256));
            var gB = BigInteger.ModPow(dh.G, b, prime);
            DhChecks.CheckPublicValue(gB, prime, "g_b");
            var clientInner = new ClientDHInnerData { Nonce = nonce, ServerNonce = serverNonce, RetryId = retryId, GB = BigEndian.ToFixed(gB, 256) };
            var set = new SetClientDHParamsRequest
            {
                Nonce = nonce,
                ServerNonce = serverNonce,
                EncryptedData = HandshakeCrypto.EncryptWithHash(clientInner.ToBytes(), tmpKey, tmpIv, _random),
            };
            var result = await CallAsync(channel, ids, set, SetClientDHParamsAnswerBase.ReadBoxed, cancellationToken).ConfigureAwait(false);
            var authKey = new AuthKey(BigEndian.ToFixed(BigInteger.ModPow(gA, b, prime), 256));
            switch (result)
            {
                case DhGenOk genOk:
                    CheckAnswerNonces(genOk.Nonce, genOk.ServerNonce, nonce, serverNonce);
                    RequireEqual(genOk.NewNonceHash1, authKey.ComputeNewNonceHash(newNonce, 1), "dh_gen_ok.new_nonce_hash1");
                    return new AuthKeyResult(authKey, HandshakeCrypto.FirstServerSalt(newNonce, serverNonce), timeOffset);
                case DhGenRetry retry:
                    CheckAnswerNonces(retry.Nonce, retry.ServerNonce, nonce, serverNonce);
                    RequireEqual(retry.NewNonceHash2, authKey.ComputeNewNonceHash(newNonce, 2), "dh_gen_retry.new_nonce_hash2");
                    retryId = BinaryPrimitives.ReadInt64LittleEndian(authKey.AuxHash.Span);
                    continue;
                case DhGenFail fail:
                    CheckAnswerNonces(fail.Nonce, fail.ServerNonce, nonce, serverNonce);
                    RequireEqual(fail.NewNonceHash3, authKey.ComputeNewNonceHash(newNonce, 3), "dh_gen_fail.new_nonce_hash3");
                    throw new AuthKeyExchangeException("The server rejected the key exchange (dh_gen_fail).");
                default:
                    throw new AuthKeyExchangeException("Unexpected answer to set_client_DH_params.");
            }
        }

        throw new AuthKeyExchangeException(FormattableString.Invariant($"The server asked to retry the DH step more than {MaxRetries} times."));
    }

    private static void CheckAnswerNonces(byte[] nonce, byte[] serverNonce, byte[] expectedNonce, byte[] expectedServerNonce)
    {
        RequireEqual(nonce, expectedNonce, "dh_gen.nonce");
        RequireEqual(serverNonce, expectedServerNonce, "dh_gen.server_nonce");
    }

    private static async Task<T> CallAsync<T>(IFrameChannel channel, MessageIdGenerator ids, TlObject request, Func<TlReader, T> read, CancellationToken cancellationToken)
    {
        await channel.SendAsync(PlainMessage.Build(ids.Next(), request.ToBytes()), cancellationToken).ConfigureAwait(false);
        var (_, body) = PlainMessage.Parse(await channel.ReceiveAsync(cancellationToken).ConfigureAwait(false));
        try
        {
            return read(new TlReader(body));
        }
        catch (TlException ex)
        {
            throw new AuthKeyExchangeException("The server's handshake answer could not be read: " + ex.Message);
        }
    }

    private static T Expect<T>(TlObject value)
        where T : TlObject =>
        value as T ?? throw new AuthKeyExchangeException(FormattableString.Invariant($"Unexpected handshake answer 0x{value.ConstructorId:x8}, wanted {typeof(T).Name}."));

    private static void RequireEqual(byte[] actual, byte[] expected, string what)
    {
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            throw new MtprotoSecurityException(what + " does not match the value this client sent or expects.");
        }
    }

    private static ulong ReadBigEndianUInt64(byte[] bytes)
    {
        ulong value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private static byte[] ToBigEndian(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        var skip = 0;
        while (skip < 7 && bytes[skip] == 0)
        {
            skip++;
        }

        return bytes[skip..];
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random(bytes);
        return bytes;
    }
}
