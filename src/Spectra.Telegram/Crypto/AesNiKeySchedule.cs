using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using AesX86 = System.Runtime.Intrinsics.X86.Aes;

namespace Spectra.Telegram.Crypto;

/// <summary>
/// AES-256 round keys for the AES-NI instructions. IGE chains every block on the previous one, so it cannot be
/// batched through an ECB call; doing the rounds in registers is what makes it run at OpenSSL-like speed.
/// </summary>
internal sealed class AesNiKeySchedule
{
    private const int Rounds = 14;

    private readonly Vector128<byte>[] _encrypt = new Vector128<byte>[Rounds + 1];
    private readonly Vector128<byte>[] _decrypt = new Vector128<byte>[Rounds + 1];

    public AesNiKeySchedule(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("AES-256 needs a 32-byte key.", nameof(key));
        }

        var rk = _encrypt;
        rk[0] = Vector128.Create(key[..16]);
        rk[1] = Vector128.Create(key[16..32]);
        ReadOnlySpan<byte> rcon = [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40];
        for (var i = 1; i <= 7; i++)
        {
            var t = Sse2.Shuffle(KeygenAssist(rk[(2 * i) - 1], rcon[i - 1]).AsInt32(), 0xFF).AsByte();
            rk[2 * i] = Expand(rk[(2 * i) - 2], t);
            if (i < 7)
            {
                var t2 = Sse2.Shuffle(AesX86.KeygenAssist(rk[2 * i], 0).AsInt32(), 0xAA).AsByte();
                rk[(2 * i) + 1] = Expand(rk[(2 * i) - 1], t2);
            }
        }

        _decrypt[0] = rk[Rounds];
        for (var i = 1; i < Rounds; i++)
        {
            _decrypt[i] = AesX86.InverseMixColumns(rk[Rounds - i]);
        }

        _decrypt[Rounds] = rk[0];
    }

    public static bool IsSupported => AesX86.IsSupported && Sse2.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<byte> EncryptBlock(Vector128<byte> block)
    {
        var rk = _encrypt;
        block ^= rk[0];
        for (var r = 1; r < Rounds; r++)
        {
            block = AesX86.Encrypt(block, rk[r]);
        }

        return AesX86.EncryptLast(block, rk[Rounds]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<byte> DecryptBlock(Vector128<byte> block)
    {
        var dk = _decrypt;
        block ^= dk[0];
        for (var r = 1; r < Rounds; r++)
        {
            block = AesX86.Decrypt(block, dk[r]);
        }

        return AesX86.DecryptLast(block, dk[Rounds]);
    }

    private static Vector128<byte> Expand(Vector128<byte> a, Vector128<byte> t)
    {
        a ^= Sse2.ShiftLeftLogical128BitLane(a, 4);
        a ^= Sse2.ShiftLeftLogical128BitLane(a, 4);
        a ^= Sse2.ShiftLeftLogical128BitLane(a, 4);
        return a ^ t;
    }

    // KeygenAssist wants a constant round constant; a switch gives the JIT one per case.
    private static Vector128<byte> KeygenAssist(Vector128<byte> v, byte rcon) => rcon switch
    {
        0x01 => AesX86.KeygenAssist(v, 0x01),
        0x02 => AesX86.KeygenAssist(v, 0x02),
        0x04 => AesX86.KeygenAssist(v, 0x04),
        0x08 => AesX86.KeygenAssist(v, 0x08),
        0x10 => AesX86.KeygenAssist(v, 0x10),
        0x20 => AesX86.KeygenAssist(v, 0x20),
        _ => AesX86.KeygenAssist(v, 0x40),
    };
}
