using System.Globalization;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;
using Spectra.Core.Errors;
using Spectra.Core.Hosting;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Diagnostics;
using Spectra.Telegram.Transport;

namespace Spectra.PowerShell.Commands;

/// <summary>
/// Login-free connectivity check of an MTProto server: TCP connect (direct or through a proxy), a fresh auth-key
/// exchange and one encrypted ping; no API call. Writes one result per endpoint, also on failure (Success $false),
/// together with a non-terminating ErrorRecord. Bad parameters (key file, proxy) stop the command.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "SpectraConnection")]
[OutputType(typeof(SpectraConnectionResult))]
public sealed class TestSpectraConnectionCommand : SpectraCmdlet
{
    /// <summary>Telegram's production DC 2, used with the built-in production keys when no endpoint is given.</summary>
    internal const string DefaultEndpoint = "149.154.167.50:443";

    /// <summary>
    /// The fix for a malformed -Proxy. Like every ErrorRecord text it passes the redactor (a backstop for input that
    /// reaches a message), so it is worded to come through unchanged: no "scheme://user:password@" and no
    /// "secret=value", which the redactor rightly treats as credentials. Redacting every text keeps secrets safe
    /// however a message is built; a test checks this one survives.
    /// </summary>
    internal const string ProxyFormatHint =
        "Write the proxy as socks5://HOST:PORT (with a login: USER:PASSWORD@ before HOST), as an MTProxy link " +
        "tg://proxy?server=HOST&port=PORT with its secret (https://t.me/proxy?... works too), or as HOST:PORT:SECRET.";

    private ServerKeyRing _keys = ServerKeyRing.Default;
    private ProxyAddress? _proxy;

    /// <summary>host:port or [IPv6]:port; default: Telegram's production DC 2.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Endpoint { get; set; }

    /// <summary>PEM file with the server's RSA public key(s); replaces the built-in Telegram keys.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ServerPublicKey { get; set; }

    [Parameter]
    [ValidateSet("Intermediate", "Abridged", "PaddedIntermediate", "Obfuscated")]
    public string Transport { get; set; } = "Intermediate";

    /// <summary>socks5://[user:pass@]host:port, tg://proxy or https://t.me/proxy links, tg://socks links, or host:port:secret.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Proxy { get; set; }

    /// <summary>Limit for the whole probe (connect, key exchange, ping).</summary>
    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSeconds { get; set; } = 15;

    [Parameter]
    [ValidateRange(1, 1000)]
    public int DcId { get; set; } = 2;

    protected override void BeginProcessing()
    {
        if (ServerPublicKey is not null)
        {
            _keys = LoadKeys(ServerPublicKey);
        }

        if (Proxy is not null)
        {
            try
            {
                _proxy = ProxyAddress.Parse(Proxy);
            }
            catch (Exception ex) when (ex is FormatException or Spectra.Telegram.Errors.ProxyException)
            {
                // The message names what is malformed, never the text (which may hold a password or secret).
                ThrowSpectraError(new SpectraException("InvalidProxy", SpectraErrorCategory.InvalidArgument, "-Proxy: " + ex.Message, ProxyFormatHint), null);
            }
        }
    }

    protected override void ProcessRecord()
    {
        HostPort target;
        try
        {
            target = HostPort.Parse(Endpoint ?? DefaultEndpoint);
        }
        catch (FormatException ex)
        {
            // Quoted so a pipeline shows which input failed, masked because a proxy given here by mistake carries its
            // password or secret; the target and exception text are not redacted later, only ErrorDetails is.
            var shown = HostPort.Mask(Endpoint ?? DefaultEndpoint);
            WriteSpectraError(new SpectraException("InvalidEndpoint", SpectraErrorCategory.InvalidArgument, "-Endpoint '" + shown + "': " + ex.Message,
                "Write the endpoint as host:port, or [IPv6 address]:port."), shown);
            return;
        }

        var options = new TransportOptions
        {
            Host = target.Host,
            Port = target.Port,
            Kind = Transport switch
            {
                "Abridged" => TransportKind.Abridged,
                "PaddedIntermediate" or "Obfuscated" => TransportKind.PaddedIntermediate,
                _ => TransportKind.Intermediate,
            },
            Obfuscated = Transport == "Obfuscated",
            DcId = (short)DcId,
            // Longer than the overall limit, so a slow connect is reported by that limit as a timeout.
            ConnectTimeout = TimeSpan.FromSeconds(TimeoutSeconds + 5),
        };
        options = _proxy?.ApplyTo(options) ?? options;
        var endpoint = new HostPort(options.Host, options.Port).ToString();
        var transport = Describe(options.MtProxy is { RequiresPadding: true } ? TransportKind.PaddedIntermediate : options.Kind, options.Obfuscated);
        var result = new SpectraConnectionResult(false, endpoint, DcId, transport, _proxy?.ToString());

        SpectraException? error;
        try
        {
            error = RunEngine((sink, ct) => ProbeAsync(options, result, sink, ct));
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            return;
        }

        if (error is not null)
        {
            result.Error = error.Message;
            WriteSpectraError(error, endpoint);
        }

        WriteObject(result);
    }

    /// <summary>Where the connection went, for messages: a SOCKS5 proxy is named (masked) since it may be what failed.</summary>
    private string Route(SpectraConnectionResult result) => _proxy?.Socks5 is null ? result.Endpoint : result.Endpoint + " via " + result.Proxy;

    private static string Describe(TransportKind kind, bool obfuscated) => obfuscated ? "Obfuscated/" + kind : kind.ToString();

    private async Task<SpectraException?> ProbeAsync(TransportOptions options, SpectraConnectionResult result, IHostMessageSink sink, CancellationToken cancellationToken)
    {
        sink.Log(HostLogLevel.Verbose, string.Create(CultureInfo.InvariantCulture,
            $"Connecting to {result.Endpoint} (DC {result.DcId}) over {result.Transport}{(result.Proxy is null ? string.Empty : " via " + result.Proxy)}, limit {TimeoutSeconds} s."));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(TimeoutSeconds));
        try
        {
            var probe = await ConnectionProbe.RunAsync(options, _keys, DcId, limit.Token).ConfigureAwait(false);
            result.Success = true;
            result.Transport = Describe(probe.Transport, probe.Obfuscated);
            result.ConnectMs = Math.Round(probe.ConnectTime.TotalMilliseconds, 2);
            result.KeyExchangeMs = Math.Round(probe.KeyExchangeTime.TotalMilliseconds, 2);
            result.RoundTripMs = Math.Round(probe.PingRoundTrip.TotalMilliseconds, 2);
            result.ClockOffsetSeconds = probe.ClockOffsetSeconds;
            result.ServerTime = DateTimeOffset.UtcNow.AddSeconds(probe.ClockOffsetSeconds);
            sink.Log(HostLogLevel.Verbose, string.Create(CultureInfo.InvariantCulture,
                $"Connected in {result.ConnectMs} ms, key exchange {result.KeyExchangeMs} ms, ping {result.RoundTripMs} ms, clock offset {result.ClockOffsetSeconds} s."));
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ConnectionErrors.Timeout(Route(result), TimeoutSeconds);
        }
        catch (Exception ex) when (ConnectionErrors.Map(ex, Route(result)) is { } mapped)
        {
            return mapped;
        }
    }

    private ServerKeyRing LoadKeys(string path)
    {
        string file;
        try
        {
            var resolved = GetResolvedProviderPathFromPSPath(path, out var provider);
            // A folder resolves too; reading it would fail as "access denied", which sends the user the wrong way.
            if (provider.ImplementingType != typeof(FileSystemProvider) || resolved.Count != 1 || Directory.Exists(resolved[0]))
            {
                throw new ItemNotFoundException(path);
            }

            file = resolved[0];
        }
        catch (ItemNotFoundException)
        {
            ThrowSpectraError(new SpectraException("ServerKeyFileNotFound", SpectraErrorCategory.ObjectNotFound, "-ServerPublicKey: no single file matches '" + path + "'.",
                "Give the path of a PEM file holding the server's RSA public key."), path);
            throw;
        }

        try
        {
            return new ServerKeyRing([]).WithPem(File.ReadAllText(file));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            ThrowSpectraError(new SpectraException("ServerKeyInvalid", SpectraErrorCategory.InvalidData, "-ServerPublicKey: " + ex.Message.Split(" (Parameter", 2)[0],
                "Give a PEM file with a 2048-bit RSA public key ('BEGIN RSA PUBLIC KEY' or 'BEGIN PUBLIC KEY').", new ErrorLocation(file)), file);
            throw;
        }
    }
}
