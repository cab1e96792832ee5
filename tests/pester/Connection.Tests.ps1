# Test-SpectraConnection against a simulated DC in a separate process on 127.0.0.1. No test here may call the cmdlet
# without -Endpoint, and every endpoint and proxy is a loopback address: nothing leaves the machine.
BeforeAll {
    Import-Module (Join-Path $env:SPECTRA_MODULE_PATH 'Spectra.psd1') -Force
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $hostDir = Join-Path $repo 'tests/Spectra.Telegram.SimulatorHost'
    $dotnet = (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source
    & $dotnet build (Join-Path $hostDir 'Spectra.Telegram.SimulatorHost.csproj') -c Release --nologo -v quiet | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "Building the simulator host failed ($LASTEXITCODE)." }

    $script:pem = Join-Path $TestDrive 'sim.pem'
    $start = [System.Diagnostics.ProcessStartInfo]::new($dotnet)
    foreach ($a in @((Join-Path $hostDir 'bin/Release/net10.0/Spectra.Telegram.SimulatorHost.dll'), '--pem-file', $script:pem, '--timeout', '600')) { $start.ArgumentList.Add($a) }
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $script:sim = [System.Diagnostics.Process]::Start($start)
    $announce = $script:sim.StandardOutput.ReadLineAsync()
    if (-not $announce.Wait(60000) -or -not $announce.Result) { throw 'The simulator host did not announce its port.' }
    $info = $announce.Result | ConvertFrom-Json
    $script:endpoint = "127.0.0.1:$($info.port)"
    (Get-Content -Raw $script:pem) | Should -Be $info.publicKeyPem

    # A valid RSA key that is not the simulator's.
    $script:wrongPem = Join-Path $TestDrive 'wrong.pem'
    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
    Set-Content -LiteralPath $script:wrongPem -Value $rsa.ExportRSAPublicKeyPem()
    $rsa.Dispose()

    function script:Get-ClosedPort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        $port
    }

    # Everything a run leaves in any stream, flattened to text (error records with their exception chain).
    function script:ConvertTo-AllText {
        param([object[]] $Records)
        $parts = foreach ($r in $Records) {
            if ($r -is [System.Management.Automation.ErrorRecord]) {
                $r.Exception.ToString(); $r.ErrorDetails.Message; $r.ErrorDetails.RecommendedAction; "$($r.TargetObject)"; $r.FullyQualifiedErrorId
                ($r | Out-String)
            }
            elseif ($r -is [System.Management.Automation.InformationalRecord]) { $r.Message }
            else { ($r | Format-List * | Out-String); ($r | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue) }
        }
        $parts -join "`n"
    }
}

AfterAll {
    if ($script:sim) {
        # Closing stdin stops the host; it also stops itself after its timeout if this never runs.
        $script:sim.StandardInput.Close()
        if (-not $script:sim.WaitForExit(15000)) { $script:sim.Kill() }
        $script:sim.Dispose()
    }
}

Describe 'Test-SpectraConnection against the simulated DC' {
    It 'succeeds over <Transport>' -ForEach @(
        @{ Transport = 'Intermediate'; Shown = 'Intermediate' }
        @{ Transport = 'Abridged'; Shown = 'Abridged' }
        @{ Transport = 'PaddedIntermediate'; Shown = 'PaddedIntermediate' }
        @{ Transport = 'Obfuscated'; Shown = 'Obfuscated/PaddedIntermediate' }
    ) {
        $result = Test-SpectraConnection -Endpoint $script:endpoint -ServerPublicKey $script:pem -Transport $Transport -ErrorVariable errs
        $errs | Should -BeNullOrEmpty
        $result | Should -HaveCount 1
        $result.GetType().FullName | Should -Be 'Spectra.PowerShell.Models.SpectraConnectionResult'
        $result.Success | Should -BeTrue
        $result.Transport | Should -Be $Shown
        $result.Endpoint | Should -Be $script:endpoint
        $result.DcId | Should -Be 2
        $result.Proxy | Should -BeNullOrEmpty
        $result.Error | Should -BeNullOrEmpty
        $result.RoundTripMs | Should -BeGreaterThan 0
        $result.RoundTripMs | Should -BeLessThan 10000
        $result.ConnectMs | Should -BeGreaterOrEqual 0
        $result.KeyExchangeMs | Should -BeGreaterThan 0
        $result.ClockOffsetSeconds | Should -BeIn (-2..2)
        ([DateTimeOffset]::UtcNow - $result.ServerTime).Duration().TotalSeconds | Should -BeLessThan 5
    }

    It 'exposes no key material and shows a table' {
        $result = Test-SpectraConnection -Endpoint $script:endpoint -ServerPublicKey $script:pem -DcId 4
        $result.DcId | Should -Be 4
        $names = $result.PSObject.Properties.Name
        $names | Should -Be @('Success', 'Endpoint', 'DcId', 'Transport', 'Proxy', 'ConnectMs', 'KeyExchangeMs', 'RoundTripMs', 'ClockOffsetSeconds', 'ServerTime', 'Error')
        $table = $result | Format-Table | Out-String
        $table | Should -Match 'RoundTripMs'
        $table | Should -Match ([regex]::Escape($script:endpoint))
    }

    It 'takes endpoints from the pipeline, a malformed one giving InvalidEndpoint for that input only' {
        $results = $script:endpoint, 'no-port-here', "[::1]" | Test-SpectraConnection -ServerPublicKey $script:pem -ErrorVariable errs -ErrorAction SilentlyContinue
        @($results).Count | Should -Be 1
        $results.Success | Should -BeTrue
        $errs | Should -HaveCount 2
        $errs | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InvalidEndpoint,*'; $_.CategoryInfo.Category | Should -Be 'InvalidArgument' }
    }

    It 'does not quote a password or secret given to -Endpoint by mistake (<Form>)' -ForEach @(
        @{ Form = 'SOCKS5 URL'; Endpoint = 'socks5://alice:EndpointPw-5521@127.0.0.1:1080'; Secret = 'EndpointPw-5521' }
        @{ Form = 'user:password@host:port'; Endpoint = 'alice:EndpointPw-5521@127.0.0.1:1080'; Secret = 'EndpointPw-5521' }
        @{ Form = 'host:port:secret'; Endpoint = '127.0.0.1:443:dd0f1e2d3c4b5a69788796a5b4c3d2e1f0'; Secret = '0f1e2d3c4b5a69788796a5b4c3d2e1f0' }
        @{ Form = 'tg://proxy'; Endpoint = 'tg://proxy?server=127.0.0.1&port=443&secret=0f1e2d3c4b5a69788796a5b4c3d2e1f0'; Secret = '0f1e2d3c4b5a69788796a5b4c3d2e1f0' }
    ) {
        # Every part of the record: CategoryInfo (shown by the NormalView error view), TargetObject, the exception text.
        $all = Test-SpectraConnection -Endpoint $Endpoint -ErrorAction Continue *>&1
        $err = $all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidEndpoint,*'
        $text = (ConvertTo-AllText $all) + $err.CategoryInfo.ToString() + $err.Exception.Message
        $text | Should -Not -Match $Secret
        $err.TargetObject | Should -Not -BeNullOrEmpty -Because 'the target still tells which pipeline input failed'
    }

    It 'reports a server key it does not trust as ServerKeyNotTrusted (SecurityError) with a result object' {
        $result = Test-SpectraConnection -Endpoint $script:endpoint -ServerPublicKey $script:wrongPem -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ServerKeyNotTrusted,*'
        $errs[0].CategoryInfo.Category | Should -Be 'SecurityError'
        $errs[0].ErrorDetails.RecommendedAction | Should -Match 'ServerPublicKey'
        $result.Success | Should -BeFalse
        $result.Error | Should -Match 'no RSA key this client trusts'
        $result.RoundTripMs | Should -BeNullOrEmpty
    }

    It 'does not trust the simulator with the built-in Telegram keys' {
        $null = Test-SpectraConnection -Endpoint $script:endpoint -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ServerKeyNotTrusted,*'
    }

    It 'reports a closed port as ConnectionRefused (ConnectionError)' {
        $endpoint = "127.0.0.1:$(Get-ClosedPort)"
        $result = Test-SpectraConnection -Endpoint $endpoint -ServerPublicKey $script:pem -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionRefused,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $errs[0].TargetObject | Should -Be $endpoint
        $errs[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $result.Success | Should -BeFalse
        $result.Endpoint | Should -Be $endpoint
    }

    It 'reports a server that never answers as ConnectionTimedOut (OperationTimeout) within the limit' {
        # The kernel completes the TCP handshake for a listening socket; nobody ever reads or answers.
        $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $silent.Start()
        try {
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $result = Test-SpectraConnection -Endpoint "127.0.0.1:$($silent.LocalEndpoint.Port)" -ServerPublicKey $script:pem -TimeoutSeconds 1 -ErrorVariable errs -ErrorAction SilentlyContinue
            $watch.Stop()
        }
        finally { $silent.Stop() }
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionTimedOut,*'
        $errs[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $result.Success | Should -BeFalse
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 8
    }

    It 'stops promptly when the pipeline is stopped (Ctrl+C) during a long wait' {
        $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $silent.Start()
        $ps = [powershell]::Create()
        try {
            $module = Join-Path $env:SPECTRA_MODULE_PATH 'Spectra.psd1'
            $null = $ps.AddScript("Import-Module '$module'; Test-SpectraConnection -Endpoint 127.0.0.1:$($silent.LocalEndpoint.Port) -ServerPublicKey '$($script:pem)' -TimeoutSeconds 120")
            $async = $ps.BeginInvoke()
            # Wait until the cmdlet has connected and is waiting for an answer that never comes.
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (-not $silent.Pending() -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $silent.Pending() | Should -BeTrue
            Start-Sleep -Milliseconds 300
            $async.IsCompleted | Should -BeFalse
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $ps.Dispose()
            $silent.Stop()
        }
    }

    It 'stops before connecting when the key file is missing or not a key' {
        { Test-SpectraConnection -Endpoint $script:endpoint -ServerPublicKey (Join-Path $TestDrive 'absent.pem') } | Should -Throw -ErrorId 'ServerKeyFileNotFound*'
        # A folder is not a key file, and not a permission problem either.
        { Test-SpectraConnection -Endpoint $script:endpoint -ServerPublicKey $TestDrive } | Should -Throw -ErrorId 'ServerKeyFileNotFound*'
        $bad = Join-Path $TestDrive 'bad.pem'
        Set-Content -LiteralPath $bad -Value 'not a key'
        { Test-SpectraConnection -Endpoint $script:endpoint -ServerPublicKey $bad } | Should -Throw -ErrorId 'ServerKeyInvalid*'
    }

    It 'resolves the key file through the provider (relative path)' {
        Push-Location $TestDrive
        try { (Test-SpectraConnection -Endpoint $script:endpoint -ServerPublicKey ./sim.pem).Success | Should -BeTrue }
        finally { Pop-Location }
    }
}

Describe 'Test-SpectraConnection proxy secrets' {
    BeforeAll {
        $script:password = 'Pw-' + [guid]::NewGuid().ToString('N')
        $script:secret = [guid]::NewGuid().ToString('N')
    }

    It 'never shows a SOCKS5 password in any stream' {
        $proxyPort = Get-ClosedPort
        $proxy = "socks5://alice:$($script:password)@127.0.0.1:$proxyPort"
        $all = Test-SpectraConnection -Endpoint $script:endpoint -ServerPublicKey $script:pem -Proxy $proxy -Verbose -Debug -ErrorAction Continue *>&1
        $text = ConvertTo-AllText $all
        $text | Should -Not -BeNullOrEmpty
        $text | Should -Not -Match $script:password
        $result = $all | Where-Object { $_ -is [Spectra.PowerShell.Models.SpectraConnectionResult] }
        $result.Proxy | Should -Be "socks5://alice:***@127.0.0.1:$proxyPort"
        $result.Success | Should -BeFalse
        $err = $all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }
        $err.FullyQualifiedErrorId | Should -BeLike 'ConnectionRefused,*'
        # The message names the (masked) proxy; the error-text redactor may mask the user name too.
        $err.ErrorDetails.Message | Should -Match "via socks5://\S+@127\.0\.0\.1:$proxyPort"
        $err.Exception.Message | Should -Match 'via socks5://alice:\*\*\*@'
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
    }

    It 'never shows an MTProxy secret in any stream (<Form>)' -ForEach @(
        @{ Form = 'host:port:secret' }
        @{ Form = 'tg://proxy' }
        @{ Form = 'https://t.me/proxy' }
    ) {
        $proxyPort = Get-ClosedPort
        $proxy = switch ($Form) {
            'host:port:secret' { "127.0.0.1:${proxyPort}:dd$($script:secret)" }
            'tg://proxy' { "tg://proxy?server=127.0.0.1&port=$proxyPort&secret=dd$($script:secret)" }
            default { "https://t.me/proxy?server=127.0.0.1&port=$proxyPort&secret=$($script:secret)" }
        }
        $all = Test-SpectraConnection -Endpoint $script:endpoint -ServerPublicKey $script:pem -Proxy $proxy -Verbose -Debug -ErrorAction Continue *>&1
        $text = ConvertTo-AllText $all
        $text | Should -Not -Match $script:secret
        $result = $all | Where-Object { $_ -is [Spectra.PowerShell.Models.SpectraConnectionResult] }
        $result.Proxy | Should -Be "mtproxy://127.0.0.1:$proxyPort (secret hidden)"
        # The connection goes to the MTProxy itself, always obfuscated.
        $result.Endpoint | Should -Be "127.0.0.1:$proxyPort"
        $result.Transport | Should -BeLike 'Obfuscated/*'
        ($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).FullyQualifiedErrorId | Should -BeLike 'ConnectionRefused,*'
    }

    It 'rejects a malformed proxy without quoting it' {
        $proxy = "socks5://alice:$($script:password)@127.0.0.1:notaport"
        $caught = $null
        try { Test-SpectraConnection -Endpoint $script:endpoint -ServerPublicKey $script:pem -Proxy $proxy -ErrorAction Stop } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'InvalidProxy*'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        ConvertTo-AllText @($caught) | Should -Not -Match $script:password
    }
}

Describe 'Test-SpectraConnection proxy format help' {
    # The parameter is rejected before any connection, so the endpoint (a closed loopback port) is never contacted.
    It 'names the proxy forms readably and still hides the password (<Name>)' -ForEach @(
        @{ Name = 'SOCKS5 without a port'; Proxy = 'socks5://u:SecretPw-7781@127.0.0.1' }
        @{ Name = 'SOCKS5 credentials without a colon'; Proxy = 'socks5://SecretPw-7781@127.0.0.1:1080' }
        @{ Name = 'an MTProxy link without a secret'; Proxy = 'tg://proxy?server=127.0.0.1&port=443&user=SecretPw-7781' }
    ) {
        $caught = $null
        try { Test-SpectraConnection 127.0.0.1:1 -Proxy $Proxy -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'InvalidProxy*'
        $fix = $caught.ErrorDetails.RecommendedAction
        foreach ($form in 'socks5://HOST:PORT', 'USER:PASSWORD@', 'tg://proxy?server=HOST&port=PORT', 'https://t.me/proxy', 'HOST:PORT:SECRET') {
            $fix | Should -Match ([regex]::Escape($form))
        }

        # Nothing in the fixed texts is mistaken for a secret, and nothing from the input shows.
        $fix | Should -Not -Match 'REDACTED'
        $caught.ErrorDetails.Message | Should -Not -Match 'REDACTED'
        ConvertTo-AllText @($caught) | Should -Not -Match 'SecretPw-7781'
    }
}

Describe 'Test-SpectraConnection packaging' {
    It 'ships the MTProto client under deps/ only' {
        Join-Path $env:SPECTRA_MODULE_PATH 'deps/Spectra.Telegram.dll' | Should -Exist
        Get-ChildItem -LiteralPath $env:SPECTRA_MODULE_PATH -File -Filter '*Telegram*' | Should -BeNullOrEmpty
        Join-Path $env:SPECTRA_MODULE_PATH 'deps/Spectra.Telegram.Simulator.dll' | Should -Not -Exist
    }

    It 'loads Spectra.Telegram in the private load context' {
        $null = Test-SpectraConnection -Endpoint $script:endpoint -ServerPublicKey $script:pem
        $telegram = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Spectra.Telegram' }
        $telegram | Should -Not -BeNullOrEmpty
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($telegram[0]) | Should -Not -Be ([System.Runtime.Loader.AssemblyLoadContext]::Default)
    }
}
