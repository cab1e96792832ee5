using Spectra.Telegram.Errors;
using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Mtproto;

namespace Spectra.Telegram.Mtproto;

/// <summary>
/// Proactive salt management: the session keeps the server's future salts and moves to the next one as its
/// valid_since passes (server time = local time + the corrected offset), so scheduled rotations cost no round trip.
/// bad_server_salt stays the fallback: it drops the list (it was evidently wrong) and a fresh one is fetched.
/// </summary>
public sealed partial class MtprotoSession
{
    private readonly object _saltGate = new();
    private readonly List<FutureSalt> _futureSalts = [];
    private DateTimeOffset _nextSaltFetch = DateTimeOffset.MinValue;
    private int _saltFetchRunning;

    /// <summary>Future salts currently known (for diagnostics and tests).</summary>
    public int FutureSaltCount
    {
        get
        {
            lock (_saltGate)
            {
                return _futureSalts.Count;
            }
        }
    }

    private long ServerNow => _time.GetUtcNow().ToUnixTimeSeconds() + TimeOffsetSeconds;

    /// <summary>The salt to put on an outgoing message: the newest known salt already valid, else the last one set.</summary>
    private long CurrentSalt()
    {
        if (!_options.UseFutureSalts)
        {
            return Salt;
        }

        var now = ServerNow;
        lock (_saltGate)
        {
            // Salts whose validity ended can never be used again; dropping them keeps the list short.
            _futureSalts.RemoveAll(s => s.ValidUntil <= now);
            FutureSalt? best = null;
            foreach (var salt in _futureSalts)
            {
                if (salt.ValidSince <= now && (best is null || salt.ValidSince > best.ValidSince))
                {
                    best = salt;
                }
            }

            if (best is not null)
            {
                Interlocked.Exchange(ref _salt, best.Salt);
            }
        }

        return Salt;
    }

    /// <summary>The server corrected our salt: the list we hold did not predict it, so forget it and fetch anew.</summary>
    private void OnSaltCorrected(long newSalt)
    {
        Interlocked.Exchange(ref _salt, newSalt);
        lock (_saltGate)
        {
            _futureSalts.Clear();
            _nextSaltFetch = DateTimeOffset.MinValue;
        }
    }

    /// <summary>Called from the maintenance loop: starts a fetch when the list runs short and none is under way.</summary>
    private void MaybeFetchFutureSalts(CancellationToken cancellationToken)
    {
        if (!_options.UseFutureSalts)
        {
            return;
        }

        lock (_saltGate)
        {
            if (_time.GetUtcNow() < _nextSaltFetch)
            {
                return;
            }

            if (_futureSalts.Count > 0 && _futureSalts.Max(s => (long)s.ValidUntil) - ServerNow > (long)_options.FutureSaltsRefreshBefore.TotalSeconds)
            {
                return;
            }
        }

        if (Interlocked.Exchange(ref _saltFetchRunning, 1) == 0)
        {
            _ = FetchFutureSaltsAsync(cancellationToken);
        }
    }

    private async Task FetchFutureSaltsAsync(CancellationToken cancellationToken)
    {
        var ok = false;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.PingTimeout);
            var num = Math.Clamp(_options.FutureSaltsCount, 1, 64);
            var answer = await SendRequestAsync(new GetFutureSaltsRequest { Num = num }.ToBytes(), contentRelated: true, timeout.Token).ConfigureAwait(false);
            var salts = FutureSalts.ReadBoxed(new TlReader(answer));
            var now = ServerNow;
            var usable = salts.Salts.Where(s => s.ValidUntil > now && s.ValidUntil > s.ValidSince).ToList();
            if (usable.Count > 0)
            {
                lock (_saltGate)
                {
                    _futureSalts.Clear();
                    _futureSalts.AddRange(usable);
                }

                ok = true;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or TelegramException or TlException)
        {
            // A dead connection, an rpc_error or an unreadable answer: keep the current salt (bad_server_salt still
            // corrects it) and ask again later.
        }
        finally
        {
            lock (_saltGate)
            {
                // After a usable answer the next fetch is driven by the horizon; after a failure it waits the retry interval.
                _nextSaltFetch = ok ? DateTimeOffset.MinValue : _time.GetUtcNow() + _options.FutureSaltsRetryInterval;
            }

            Volatile.Write(ref _saltFetchRunning, 0);
        }
    }
}
