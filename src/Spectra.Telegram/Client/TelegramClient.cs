using System.Collections.Concurrent;
using Spectra.Telegram.Rpc;
using Spectra.Telegram.Sessions;
using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Api;

namespace Spectra.Telegram.Client;

/// <summary>
/// A Telegram client over the encrypted session layer: one auth key per DC, a home DC that PHONE/USER/NETWORK_MIGRATE
/// moves, DC addresses from help.getConfig, and authorization exported to other DCs on demand (file downloads).
/// Session state (keys, salts, home DC) can be saved and restored through <see cref="SessionStore"/>.
/// </summary>
public sealed partial class TelegramClient : IAsyncDisposable
{
    private readonly TelegramClientOptions _options;
    private readonly ConcurrentDictionary<int, DcConnection> _connections = new();
    private readonly ConcurrentDictionary<int, DcEndpoint> _endpoints = new();
    private readonly Dictionary<int, DcSessionState> _saved = [];
    private readonly SemaphoreSlim _exportGate = new(1, 1);

    public TelegramClient(TelegramClientOptions options, SessionState? session = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.ParallelDownloadParts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "ParallelDownloadParts must be at least 1.");
        }

        if (options.DownloadPartSize <= 0 || options.DownloadPartSize % 4096 != 0 || (1 << 20) % options.DownloadPartSize != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "DownloadPartSize must be a multiple of 4096 that divides 1 MiB.");
        }

        _endpoints[options.InitialDc.DcId] = options.InitialDc;
        HomeDcId = session?.HomeDcId ?? options.InitialDc.DcId;
        UserId = session?.UserId;
        if (session is not null)
        {
            // Keys are attached when each DC's address is known (the initial DC now, the others after help.getConfig).
            foreach (var (dcId, state) in session.Dcs)
            {
                _saved[dcId] = state;
            }
        }
    }

    /// <summary>The account's DC (where login happened and where non-file calls go).</summary>
    public int HomeDcId { get; private set; }

    /// <summary>The logged-in user's id, or null before login.</summary>
    public long? UserId { get; private set; }

    /// <summary>Connections opened so far per DC, for diagnostics and tests.</summary>
    public IReadOnlyDictionary<int, int> ConnectCounts => _connections.ToDictionary(kv => kv.Key, kv => kv.Value.ConnectCount);

    /// <summary>Connects to the home DC and learns the DC list from help.getConfig.</summary>
    public async Task<Config> ConnectAsync(CancellationToken cancellationToken)
    {
        var configDc = _endpoints.ContainsKey(HomeDcId) ? HomeDcId : _options.InitialDc.DcId;
        var config = await InvokeOnDcAsync(configDc, new Help_GetConfigRequest(), cancellationToken).ConfigureAwait(false);
        foreach (var option in config.DcOptions)
        {
            if (!option.Ipv6 && !option.MediaOnly && !option.Cdn && !option.TcpoOnly)
            {
                _endpoints[option.Id] = new DcEndpoint(option.Id, option.IpAddress, option.Port);
            }
        }

        return config;
    }

    /// <summary>Calls a method on the home DC; a home-moving *_MIGRATE_X switches the home DC and retries once.</summary>
    public async Task<T> InvokeAsync<T>(TlMethod<T> method, CancellationToken cancellationToken)
    {
        try
        {
            return await InvokeOnDcAsync(HomeDcId, method, cancellationToken).ConfigureAwait(false);
        }
        catch (MigrateException migrate) when (migrate.MovesHomeDc && migrate.DcId != HomeDcId)
        {
            HomeDcId = migrate.DcId;
            return await InvokeOnDcAsync(HomeDcId, method, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The state to persist: per-DC keys and salts, DC addresses, home DC and user id.</summary>
    public SessionState ExportSession()
    {
        var state = new SessionState { HomeDcId = HomeDcId, UserId = UserId };
        foreach (var (dcId, connection) in _connections)
        {
            connection.CaptureState();
            if (connection.State is { } dc)
            {
                state.Dcs[dcId] = dc;
            }
        }

        return state;
    }

    /// <summary>Saves the session encrypted (AES-256-GCM) under <paramref name="key"/>.</summary>
    public Task SaveSessionAsync(Stream destination, ReadOnlyMemory<byte> key, CancellationToken cancellationToken) =>
        SessionStore.SaveAsync(ExportSession(), destination, key, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _exportGate.Dispose();
    }

    internal Task<T> InvokeOnDcAsync<T>(int dcId, TlMethod<T> method, CancellationToken cancellationToken) =>
        GetConnection(dcId).InvokeAsync(method, cancellationToken);

    private DcConnection GetConnection(int dcId)
    {
        if (_connections.TryGetValue(dcId, out var existing))
        {
            return existing;
        }

        if (!_endpoints.TryGetValue(dcId, out var endpoint))
        {
            throw new InvalidOperationException(FormattableString.Invariant($"DC {dcId} is unknown: call ConnectAsync first so help.getConfig can list it."));
        }

        return _connections.GetOrAdd(dcId, id =>
        {
            var saved = _saved.GetValueOrDefault(id);
            // Only the home DC's saved key is known to be logged in; keys of other DCs (e.g. the one used before
            // PHONE_MIGRATE) get an exported authorization when first needed.
            return new DcConnection(endpoint, _options, saved) { Authorized = saved is not null && UserId is not null && id == HomeDcId };
        });
    }

    /// <summary>Makes DC <paramref name="dcId"/>'s key logged in as the home account (auth.exportAuthorization + importAuthorization).</summary>
    internal async Task EnsureAuthorizedAsync(int dcId, CancellationToken cancellationToken)
    {
        var connection = GetConnection(dcId);
        if (connection.Authorized)
        {
            return;
        }

        await _exportGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (connection.Authorized)
            {
                return;
            }

            var exported = await InvokeAsync(new Auth_ExportAuthorizationRequest { DcId = dcId }, cancellationToken).ConfigureAwait(false);
            await connection.InvokeAsync(new Auth_ImportAuthorizationRequest { Id = exported.Id, Bytes = exported.Bytes }, cancellationToken).ConfigureAwait(false);
            connection.Authorized = true;
        }
        finally
        {
            _exportGate.Release();
        }
    }
}
