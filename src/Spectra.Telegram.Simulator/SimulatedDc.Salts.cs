using Spectra.Telegram.Tl.Mtproto;

namespace Spectra.Telegram.Simulator;

/// <summary>
/// Server salts: a fixed salt per auth key by default, or (fault <see cref="Fixtures.SimFaults.SaltPeriodSeconds"/>)
/// a deterministic schedule per DC, as Telegram rotates salts, so clients that follow future_salts can be checked.
/// </summary>
public sealed partial class SimulatedDc
{
    private int SaltPeriod => Faults?.SaltPeriodSeconds ?? 0;

    private long Now => _time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>The salt a correction (bad_server_salt, new_session_created) hands out now.</summary>
    private long ActiveSalt(ServerKeyState state) => SaltPeriod > 0 ? ScheduledSalt(Now / SaltPeriod).Salt : state.Salt;

    private bool AcceptsSalt(ServerKeyState state, long salt)
    {
        if (SaltPeriod <= 0)
        {
            return salt == state.Salt;
        }

        // The current slot's salt and the previous one while their validity overlaps.
        var now = Now;
        var slot = now / SaltPeriod;
        return new[] { ScheduledSalt(slot), ScheduledSalt(slot - 1) }.Any(s => s.Salt == salt && s.ValidSince <= now && now < s.ValidUntil);
    }

    /// <summary>Salt number <paramref name="slot"/> of this DC: valid from slot*period for 1.5 periods.</summary>
    private FutureSalt ScheduledSalt(long slot)
    {
        var since = slot * SaltPeriod;
        var mixed = unchecked(((ulong)DcId << 48) ^ (ulong)slot ^ 0x9E3779B97F4A7C15UL);
        mixed = unchecked((mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9UL);
        mixed = unchecked((mixed ^ (mixed >> 27)) * 0x94D049BB133111EBUL);
        return new FutureSalt { ValidSince = (int)since, ValidUntil = (int)(since + SaltPeriod + Math.Max(1, SaltPeriod / 2)), Salt = unchecked((long)(mixed ^ (mixed >> 31))) };
    }

    /// <summary>future_salts (sent without rpc_result, as Telegram does): <paramref name="num"/> salts from now on.</summary>
    private byte[] FutureSaltsAnswer(ServerKeyState state, long requestId, int num)
    {
        var now = Now;
        var salts = new List<FutureSalt>();
        if (Faults?.FutureSaltsAnswer != "empty")
        {
            if (SaltPeriod > 0)
            {
                for (var i = 0; i < Math.Clamp(num, 1, 64); i++)
                {
                    salts.Add(ScheduledSalt((now / SaltPeriod) + i));
                }
            }
            else
            {
                // Without a schedule the key's one salt simply stays valid for a day.
                salts.Add(new FutureSalt { ValidSince = (int)now, ValidUntil = (int)(now + 86_400), Salt = state.Salt });
            }
        }

        var bytes = new FutureSalts { ReqMsgId = requestId, Now = (int)now, Salts = [.. salts] }.ToBytes();
        return Faults?.FutureSaltsAnswer == "truncated" ? bytes[..^8] : bytes;
    }
}
