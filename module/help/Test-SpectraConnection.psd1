@{
    Synopsis    = 'Checks that an MTProto server can be reached and speaks MTProto: TCP connect, auth-key exchange and one encrypted ping, without logging in.'
    Description = @'
Opens a TCP connection (directly, through a SOCKS5 proxy or through an MTProxy), performs a fresh auth-key exchange with the server's RSA key and sends encrypted pings on the new session. It sends no API call, so it needs no login or api_id and works against servers that speak another API layer.

The result reports Success, the Endpoint connected to (the proxy itself for an MTProxy), DcId, Transport (framing, prefixed "Obfuscated/" when obfuscated2 is used), Proxy (password or secret masked), ConnectMs, KeyExchangeMs, RoundTripMs (a ping on the settled session), ClockOffsetSeconds (server clock minus local clock, from the server's message ids) and ServerTime. No key material (auth key or its id) is ever written.

Without -Endpoint it connects to Telegram's production DC 2 (149.154.167.50:443) and trusts Telegram's built-in production and test keys. With -ServerPublicKey only the keys in that PEM file are trusted.

Failures: one result object is written for every endpoint tried, also when it fails (Success $false and Error set), and in addition a non-terminating error with a stable id and a recommended action: ConnectionRefused, ConnectionFailed, ProxyFailed, ServerTransportError, KeyExchangeFailed, ConnectionProbeFailed (category ConnectionError), ConnectionTimedOut (OperationTimeout), ServerKeyNotTrusted and ServerSecurityCheckFailed (SecurityError). A malformed -Endpoint gives InvalidEndpoint for that input only. A missing or unreadable -ServerPublicKey file (ServerKeyFileNotFound, ServerKeyInvalid) or a malformed -Proxy (InvalidProxy) stops the command before any connection. Ctrl+C cancels at once.
'@
    Parameters  = @{
        Endpoint        = 'The server as host:port, or [IPv6 address]:port. Default: Telegram''s production DC 2, 149.154.167.50:443. Accepts pipeline input (several endpoints give one result each).'
        ServerPublicKey = 'A PEM file (resolved through the PowerShell provider, so relative and PSDrive paths work) with the server''s 2048-bit RSA public key, "BEGIN RSA PUBLIC KEY" or "BEGIN PUBLIC KEY"; several blocks allowed. Only these keys are trusted. Default: Telegram''s built-in keys.'
        Transport       = 'The MTProto TCP framing: Intermediate (default), Abridged, PaddedIntermediate, or Obfuscated (obfuscated2 around padded intermediate, which hides the protocol from simple filters). An MTProxy always uses obfuscated2.'
        Proxy           = 'Connect through a proxy: socks5://[user:password@]host:port, a SOCKS link tg://socks?server=..&port=..&user=..&pass=.., an MTProxy link tg://proxy?server=..&port=..&secret=.. or https://t.me/proxy?.., or host:port:secret for an MTProxy. The password and secret never appear in output, verbose, debug or error text. MTProxy fake-TLS (ee) secrets are not supported.'
        TimeoutSeconds  = 'Limit for the whole test (connect, key exchange and pings), 1..600 seconds. Default 15. When it passes the error id is ConnectionTimedOut.'
        DcId            = 'The DC number the endpoint serves (1..1000, default 2). It is sent in the obfuscated2 header, which an MTProxy uses to choose the DC, and used by the key exchange.'
    }
    Examples    = @(
        @{
            Title   = 'Check that Telegram is reachable from this machine'
            Code    = 'Test-SpectraConnection'
            Remarks = 'Connects to production DC 2 with the built-in keys and shows the round trip and clock offset. A clock offset of more than a few seconds breaks logins: fix the system clock.'
        }
        @{
            Title   = 'Test a local simulated DC'
            Code    = @'
$start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
'tests/Spectra.Telegram.SimulatorHost/bin/Release/net10.0/Spectra.Telegram.SimulatorHost.dll', '--pem-file', './sim.pem', '--timeout', '60' |
    ForEach-Object { $start.ArgumentList.Add($_) }
$start.WorkingDirectory = $PWD.Path
$start.RedirectStandardInput = $true
$start.RedirectStandardOutput = $true
$sim = [System.Diagnostics.Process]::Start($start)
$dc = $sim.StandardOutput.ReadLine() | ConvertFrom-Json
Test-SpectraConnection -Endpoint "127.0.0.1:$($dc.port)" -ServerPublicKey ./sim.pem -Transport Obfuscated
$sim.Kill()
'@
            Remarks = 'The simulator host (built with dotnet build -c Release) prints one line with its port and public key and writes the key to sim.pem; the simulated DC serves the handshake and pings on 127.0.0.1. It stops when its standard input closes, so it runs as a process whose input stays open, not at the head of a pipeline (Select-Object -First 1 would end it before the test).'
        }
        @{
            Title   = 'Through a SOCKS5 proxy, every transport'
            Code    = "'Intermediate', 'Abridged', 'PaddedIntermediate', 'Obfuscated' | ForEach-Object { Test-SpectraConnection -Transport `$_ -Proxy 'socks5://me:secret@127.0.0.1:1080' }"
            Remarks = 'The Proxy column shows socks5://me:***@127.0.0.1:1080. Use it to find a transport a network does not block.'
        }
        @{
            Title   = 'Use it as a gate in a script'
            Code    = 'if (-not (Test-SpectraConnection -TimeoutSeconds 5 -ErrorAction SilentlyContinue).Success) { Write-Warning ''Telegram is unreachable; skipping the archive run.'' }'
            Remarks = 'A failure still returns an object with Success $false, so the check needs no try/catch.'
        }
    )
    Inputs      = @('System.String')
    Outputs     = @('Spectra.PowerShell.Models.SpectraConnectionResult')
    Notes       = 'Ping only: no API method is called, so Success does not mean an account can log in. The simulated DC is for tests and demos; nothing here has been verified against live Telegram by the test suite, which never leaves 127.0.0.1.'
}
