using Spectra.Telegram.Crypto;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Exchange;
using Spectra.Telegram.Mtproto;
using Spectra.Telegram.Sessions;
using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Api;
using Spectra.Telegram.Transport;

namespace Spectra.Telegram.Client;

/// <summary>
/// One DC: its auth key (created on first use, kept across reconnects), the live session, and the rule that every new
/// connection's first call is wrapped in invokeWithLayer(initConnection(...)). A dropped connection is re-opened and
/// the call retried, up to <see cref="TelegramClientOptions.MaxReconnects"/> times.
/// </summary>
internal sealed class DcConnection : IAsyncDisposable
{
    private readonly TelegramClientOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TransportConnection? _transport;
    private MtprotoSession? _session;
    private volatile bool _initialized;

    public DcConnection(DcEndpoint endpoint, TelegramClientOptions options, DcSessionState? state)
    {
        Endpoint = endpoint;
        _options = options;
        State = state;
    }

    public DcEndpoint Endpoint { get; }

    public int DcId => Endpoint.DcId;

    /// <summary>The auth key and salt to persist, or null before the first key exchange.</summary>
    public DcSessionState? State { get; private set; }

    /// <summary>True once this DC's key is logged in (by sign-in or an imported authorization).</summary>
    public bool Authorized { get; set; }

    /// <summary>How many transport connections were opened (for tests of reconnect behaviour).</summary>
    public int ConnectCount { get; private set; }

    public async Task<T> InvokeAsync<T>(TlMethod<T> method, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var session = await EnsureSessionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_initialized)
                {
                    return await session.InvokeAsync(method, cancellationToken).ConfigureAwait(false);
                }

                var wrapped = new InvokeWithLayerRequest<T>
                {
                    Layer = ApiSchema.Layer,
                    Query = new InitConnectionRequest<T>
                    {
                        ApiId = _options.ApiId,
                        DeviceModel = _options.DeviceModel,
                        SystemVersion = _options.SystemVersion,
                        AppVersion = _options.AppVersion,
                        SystemLangCode = _options.LangCode,
                        LangCode = _options.LangCode,
                        Query = method,
                    },
                };
                var result = await session.InvokeAsync(wrapped, cancellationToken).ConfigureAwait(false);
                _initialized = true;
                return result;
            }
            catch (Exception ex) when ((ex is TransportException || (ex is ObjectDisposedException && !ReferenceEquals(_session, session)))
                && attempt < _options.MaxReconnects && !cancellationToken.IsCancellationRequested)
            {
                // A dropped connection, or a session another caller already closed after that drop: retry on a fresh one.
                await DropAsync(session).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        CaptureState();
        if (_session is not null)
        {
            await _session.DisposeAsync().ConfigureAwait(false);
            _session = null;
        }

        await CloseAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task<MtprotoSession> EnsureSessionAsync(CancellationToken cancellationToken)
    {
        var current = _session;
        if (current is not null && current.Fault is null)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_session is not null && _session.Fault is null)
            {
                return _session;
            }

            await CloseAsync().ConfigureAwait(false);
            var transport = await TransportConnection.ConnectAsync(
                new TransportOptions { Host = Endpoint.Host, Port = Endpoint.Port, Kind = _options.Transport, DcId = (short)DcId }, cancellationToken).ConfigureAwait(false);
            ConnectCount++;
            try
            {
                if (State is null)
                {
                    var exchange = await new AuthKeyExchanger(_options.ServerKeys, DcId).ExecuteAsync(transport, cancellationToken).ConfigureAwait(false);
                    State = new DcSessionState { AuthKey = exchange.Key.Key.ToArray(), Salt = exchange.ServerSalt, TimeOffsetSeconds = exchange.TimeOffsetSeconds };
                }

                var session = new MtprotoSession(transport, new AuthKey(State.AuthKey), State.Salt, State.TimeOffsetSeconds, new SessionOptions { FloodSleepThreshold = _options.FloodSleepThreshold });
                session.Start();
                _transport = transport;
                _session = session;
                _initialized = false;
                return session;
            }
            catch
            {
                await transport.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DropAsync(MtprotoSession failed)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (ReferenceEquals(_session, failed))
            {
                await CloseAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CloseAsync()
    {
        if (_session is { } session)
        {
            if (State is not null)
            {
                State.Salt = session.Salt;
                State.TimeOffsetSeconds = session.TimeOffsetSeconds;
            }

            _session = null;
            await session.DisposeAsync().ConfigureAwait(false);
        }

        if (_transport is { } transport)
        {
            _transport = null;
            await transport.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Copies the live session's salt and clock offset into <see cref="State"/> before it is saved.</summary>
    public void CaptureState()
    {
        if (_session is { } session && State is not null)
        {
            State.Salt = session.Salt;
            State.TimeOffsetSeconds = session.TimeOffsetSeconds;
        }
    }
}
