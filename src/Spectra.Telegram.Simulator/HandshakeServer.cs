using System.Numerics;
using System.Security.Cryptography;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Exchange;
using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Mtproto;

namespace Spectra.Telegram.Simulator;

/// <summary>
/// The server side of the auth-key exchange for one connection: resPQ with a fixed pq, server_DH_params_ok with
/// Telegram's prime and g = 3, and dh_gen_ok once the client's g_b passes the range checks.
/// </summary>
internal sealed class HandshakeServer(ServerRsaKey rsaKey, TimeProvider time)
{
    private const ulong P = 1513098571, Q = 1780931429;

    private byte[] _nonce = [];
    private byte[] _serverNonce = [];
    private byte[] _newNonce = [];
    private byte[] _tmpKey = [];
    private byte[] _tmpIv = [];
    private BigInteger _a;
    private bool _usedRsaPad;

    /// <summary>Set once the exchange completed: the key and the first salt.</summary>
    public (AuthKey Key, long Salt, bool UsedRsaPad)? Result { get; private set; }

    public TlObject Handle(TlMethod request) => request switch
    {
        ReqPqMultiRequest pq => ResPq(pq.Nonce),
        ReqPqRequest pq => ResPq(pq.Nonce),
        ReqDHParamsRequest dh => DhParams(dh),
        SetClientDHParamsRequest set => SetClientDh(set),
        _ => throw new AuthKeyExchangeException("Unexpected unencrypted request " + request.GetType().Name + "."),
    };

    private ResPQ ResPq(byte[] nonce)
    {
        _nonce = nonce;
        _serverNonce = RandomNumberGenerator.GetBytes(16);
        var pq = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(pq, P * Q);
        return new ResPQ { Nonce = nonce, ServerNonce = _serverNonce, Pq = pq, ServerPublicKeyFingerprints = [rsaKey.PublicKey.Fingerprint] };
    }

    private ServerDHParamsOk DhParams(ReqDHParamsRequest request)
    {
        CheckNonces(request.Nonce, request.ServerNonce);
        if (request.PublicKeyFingerprint != rsaKey.PublicKey.Fingerprint)
        {
            throw new AuthKeyExchangeException("req_DH_params names a key this server does not have.");
        }

        var (inner, usedRsaPad) = RsaPadDecoder.Decode(rsaKey, request.EncryptedData);
        var (nonce, serverNonce, newNonce, pqBytes) = inner switch
        {
            PQInnerDataDc dc => (dc.Nonce, dc.ServerNonce, dc.NewNonce, dc.Pq),
            PQInnerData legacy => (legacy.Nonce, legacy.ServerNonce, legacy.NewNonce, legacy.Pq),
            _ => throw new AuthKeyExchangeException("Unsupported p_q_inner_data variant."),
        };
        CheckNonces(nonce, serverNonce);
        if (BigEndian.ToInteger(pqBytes) != new BigInteger(P * Q) || BigEndian.ToInteger(request.P) != P || BigEndian.ToInteger(request.Q) != Q)
        {
            throw new AuthKeyExchangeException("The client's pq factors are wrong.");
        }

        _newNonce = newNonce;
        _usedRsaPad = usedRsaPad;
        (_tmpKey, _tmpIv) = HandshakeCrypto.DeriveTemporaryAesKey(_serverNonce, _newNonce);
        _a = BigEndian.ToInteger(RandomNumberGenerator.GetBytes(256));
        var gA = BigInteger.ModPow(3, _a, DhChecks.TelegramPrime);
        var answer = new ServerDHInnerData
        {
            Nonce = _nonce,
            ServerNonce = _serverNonce,
            G = 3,
            DhPrime = BigEndian.ToFixed(DhChecks.TelegramPrime, 256),
            GA = BigEndian.ToFixed(gA, 256),
            ServerTime = (int)time.GetUtcNow().ToUnixTimeSeconds(),
        };
        return new ServerDHParamsOk
        {
            Nonce = _nonce,
            ServerNonce = _serverNonce,
            EncryptedAnswer = HandshakeCrypto.EncryptWithHash(answer.ToBytes(), _tmpKey, _tmpIv, static b => RandomNumberGenerator.Fill(b)),
        };
    }


    private DhGenOk SetClientDh(SetClientDHParamsRequest request)
    {
        CheckNonces(request.Nonce, request.ServerNonce);
        var plain = HandshakeCrypto.DecryptWithHash(request.EncryptedData, _tmpKey, _tmpIv);
        var reader = new TlReader(plain.AsMemory(20));
        var inner = ClientDHInnerData.ReadBoxed(reader);
        HandshakeCrypto.VerifyHash(plain, reader.Position);
        CheckNonces(inner.Nonce, inner.ServerNonce);
        var gB = BigEndian.ToInteger(inner.GB);
        DhChecks.CheckPublicValue(gB, DhChecks.TelegramPrime, "g_b");
        var key = new AuthKey(BigEndian.ToFixed(BigInteger.ModPow(gB, _a, DhChecks.TelegramPrime), 256));
        Result = (key, HandshakeCrypto.FirstServerSalt(_newNonce, _serverNonce), _usedRsaPad);
        return new DhGenOk { Nonce = _nonce, ServerNonce = _serverNonce, NewNonceHash1 = key.ComputeNewNonceHash(_newNonce, 1) };
    }

    private void CheckNonces(byte[] nonce, byte[] serverNonce)
    {
        if (!nonce.AsSpan().SequenceEqual(_nonce) || !serverNonce.AsSpan().SequenceEqual(_serverNonce))
        {
            throw new MtprotoSecurityException("Handshake nonces do not match.");
        }
    }
}
