# Configuration and logging as the cmdlets use them: archive paths from the configuration layers, engine events in
# the Verbose/Debug streams and in a compact-JSON log file, and known secrets absent from every stream and file.
BeforeAll {
    Import-Module (Join-Path $env:SPECTRA_MODULE_PATH 'Spectra.psd1') -Force
    $script:sample = (Resolve-Path (Join-Path $PSScriptRoot '../../examples/sample-export')).Path
    $script:variables = 'SPECTRA_CONFIG', 'SPECTRA_DB_PATH', 'SPECTRA_MEDIA_DIR', 'TG_API_HASH', 'TG_2FA_PASSWORD', 'SPECTRA_LOG_LEVEL'

    function Write-Config([string] $Folder, [string] $Json) {
        $path = Join-Path $Folder 'spectra_config.json'
        [System.IO.File]::WriteAllText($path, $Json)
        if (-not $IsWindows) { chmod 600 $path }
        $path
    }
}

Describe 'Configuration and logging in the cmdlets' {
    BeforeEach {
        $script:dir = Join-Path ([System.IO.Path]::GetTempPath()) ("spectra-logging-" + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $script:dir | Out-Null
        $script:saved = @{}
        foreach ($name in $script:variables) { $script:saved[$name] = [Environment]::GetEnvironmentVariable($name); Remove-Item "Env:$name" -ErrorAction SilentlyContinue }
        Push-Location $script:dir
    }
    AfterEach {
        Pop-Location
        foreach ($name in $script:variables) {
            Remove-Item "Env:$name" -ErrorAction SilentlyContinue
            if ($null -ne $script:saved[$name]) { Set-Item "Env:$name" $script:saved[$name] }
        }
        Remove-Item -Recurse -Force $script:dir -ErrorAction SilentlyContinue
    }

    It 'shows engine events in the verbose stream of Import-SpectraExport and Test-SpectraDatabase' {
        $db = Join-Path $script:dir 'a.db'
        $verbose = Import-SpectraExport -Path $script:sample -Database $db -Verbose -ErrorAction SilentlyContinue 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verbose.Message | Should -Contain ($verbose.Message | Where-Object { $_ -like 'Import of *result.json into *a.db*started' } | Select-Object -First 1)
        ($verbose.Message -like 'Imported chat Spectra Sample Channel:*new*') | Should -Not -BeNullOrEmpty
        $checks = Test-SpectraDatabase -Path $db -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($checks.Message -like 'Check SchemaVersion of *a.db: Pass*') | Should -Not -BeNullOrEmpty
        ($checks.Message -like 'Check ForeignKeys*') | Should -Not -BeNullOrEmpty
    }

    It 'writes the events as compact JSON to logging.directory (relative to the config file)' {
        $config = Write-Config $script:dir '{ "storage": { "database": "data/arch.db" }, "logging": { "directory": "mylogs", "level": "Debug" } }'
        $env:SPECTRA_CONFIG = $config
        Set-Location ([System.IO.Path]::GetTempPath())
        Import-SpectraExport -Path $script:sample -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null
        $problems.FullyQualifiedErrorId | Should -Not -BeLike 'Config*'
        Join-Path $script:dir 'data/arch.db' | Should -Exist
        $file = Get-ChildItem (Join-Path $script:dir 'mylogs') -Filter 'spectra-*.clef'
        $file | Should -HaveCount 1
        $events = Get-Content $file.FullName | ForEach-Object { $_ | ConvertFrom-Json }
        $events | ForEach-Object { $_.'@t' | Should -Not -BeNullOrEmpty }
        ($events.Message -like 'Imported chat Spectra Sample Channel:*') | Should -Not -BeNullOrEmpty
        ($events.Message -like 'Writing a batch of * message(s) for *') | Should -Not -BeNullOrEmpty
        ($events | Where-Object { $_.'@l' -eq 'Debug' }) | Should -Not -BeNullOrEmpty
    }

    It 'logs Debug events for -Debug, not for -Debug:$false, and -Debug asks no question for engine events' {
        $db = Join-Path $script:dir 'a.db'
        Import-SpectraExport -Path $script:sample -Database $db -ErrorAction SilentlyContinue | Out-Null
        $logs = Join-Path $script:dir 'logs'
        Remove-Item -Recurse -Force $logs
        Test-SpectraDatabase -Path $db -Debug:$false | Out-Null
        $events = Get-Content (Get-ChildItem $logs -Filter 'spectra-*.clef').FullName | ForEach-Object { $_ | ConvertFrom-Json }
        ($events | Where-Object { $_.'@l' -eq 'Debug' }) | Should -BeNullOrEmpty

        # A child session without a console: a prompt would fail the command there.
        $child = [powershell]::Create()
        try {
            $null = $child.AddScript("Import-Module '$(Join-Path $env:SPECTRA_MODULE_PATH 'Spectra.psd1')'; Test-SpectraDatabase -Path '$db' -Debug")
            $checks = $child.Invoke()
            $child.Streams.Error | Should -BeNullOrEmpty
            $checks.Count | Should -BeGreaterThan 5
            ($child.Streams.Debug.Message -like 'Check SchemaVersion of *a.db: Pass*') | Should -Not -BeNullOrEmpty
        }
        finally { $child.Dispose() }
        $events = Get-Content (Get-ChildItem $logs -Filter 'spectra-*.clef').FullName | ForEach-Object { $_ | ConvertFrom-Json }
        ($events | Where-Object { $_.'@l' -eq 'Debug' }) | Should -Not -BeNullOrEmpty
    }

    It 'takes the archive from SPECTRA_DB_PATH, relative to the current location, when -Database is omitted' {
        $env:SPECTRA_DB_PATH = 'from-env.db'
        Import-SpectraExport -Path $script:sample -ErrorAction SilentlyContinue | Out-Null
        Join-Path $script:dir 'from-env.db' | Should -Exist
        (Test-SpectraDatabase -Quiet) | Should -BeTrue
        Join-Path $script:dir 'logs' | Should -Exist
    }

    It 'creates no log folder on a dry run (-WhatIf)' {
        Import-SpectraExport -Path $script:sample -Database (Join-Path $script:dir 'w.db') -WhatIf
        Get-ChildItem $script:dir | Should -BeNullOrEmpty
    }

    It 'logs Remove-SpectraSecureFile to a file only when logging.directory is configured' {
        Set-Content (Join-Path $script:dir 'a.txt') 'x'
        Remove-SpectraSecureFile -Path (Join-Path $script:dir 'a.txt') -Confirm:$false | Out-Null
        Get-ChildItem $script:dir | Should -BeNullOrEmpty
        $env:SPECTRA_CONFIG = Write-Config $script:dir '{ "logging": { "directory": "erase-logs", "level": "Debug" } }'
        Set-Content (Join-Path $script:dir 'b.txt') 'x'
        Remove-SpectraSecureFile -Path (Join-Path $script:dir 'b.txt') -Confirm:$false | Out-Null
        $log = Get-ChildItem (Join-Path $script:dir 'erase-logs') -Filter 'spectra-*.clef'
        Get-Content -Raw $log.FullName | Should -Match 'Secure deletion of [^,]*b\.txt\W{0,3} done'
    }

    It 'reports a broken config file as an error record with its id and line when -Database is omitted' {
        $env:SPECTRA_CONFIG = Write-Config $script:dir "{`n  `"storage`": {`n    `"database`": `n}`n"
        { Test-SpectraDatabase -ErrorAction Stop } | Should -Throw -ErrorId 'ConfigParseError,*'
        $err = $null
        try { Test-SpectraDatabase -ErrorAction Stop } catch { $err = $_ }
        $err.ErrorDetails.Message | Should -Match 'spectra_config\.json:\d+'
        # An explicit database still works; the broken file costs a warning.
        $warnings = Test-SpectraDatabase -Path (Join-Path $script:dir 'absent.db') -Quiet 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }
        ($warnings.Message -like '*ConfigParseError*') | Should -Not -BeNullOrEmpty
    }

    It 'never shows known secrets in any stream, the log file or the database, even at Debug level' {
        $hash = '0f1e2d3c4b5a69788796a5b4c3d2e1f0'
        $envHash = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
        $phone = '+15551234567'
        $twoFa = 'Tw0-Factor-Known-Secret'
        $proxyPassword = 'Pr0xy-Known-Secret-99'
        $secrets = $hash, $envHash, $phone, $twoFa, $proxyPassword
        $env:SPECTRA_CONFIG = Write-Config $script:dir @"
{ "accounts": [ { "name": "main", "api_id": 123456, "api_hash": "$hash", "phone": "$phone",
    "proxy": { "type": "socks5", "host": "127.0.0.1", "port": 1080, "username": "me", "password": "$proxyPassword" } } ],
  "storage": { "database": "secret-test.db" },
  "logging": { "level": "Debug", "directory": "logs" } }
"@
        $env:TG_API_HASH = $envHash
        $env:TG_2FA_PASSWORD = $twoFa
        $DebugPreference = 'Continue'
        $streams = @(
            # -Debug alone would make errors inquire; the sample's refused media paths are ordinary errors here.
            Get-SpectraConfig -Debug -Verbose -ErrorAction Continue *>&1
            Test-SpectraConfig -Debug -Verbose -ErrorAction Continue *>&1
            Import-SpectraExport -Path $script:sample -Debug -Verbose -ErrorAction Continue *>&1
            Test-SpectraDatabase -Deep -Debug -Verbose -ErrorAction Continue *>&1
        )
        ($streams | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }) | Should -Not -BeNullOrEmpty
        ($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) | Should -Not -BeNullOrEmpty
        $text = ($streams | ForEach-Object {
                if ($_ -is [System.Management.Automation.ErrorRecord]) { "$_ $($_.ErrorDetails.Message) $($_.ErrorDetails.RecommendedAction)" }
                elseif ($_.PSObject.Properties['Message']) { $_.Message } else { $_ | Format-List * | Out-String }
            }) -join "`n"
        $text | Should -Not -BeNullOrEmpty
        $log = Get-ChildItem (Join-Path $script:dir 'logs') -Filter 'spectra-*.clef'
        $logText = Get-Content -Raw $log.FullName
        $logText | Should -Match 'Imported chat'
        $dbText = [System.Text.Encoding]::Latin1.GetString([System.IO.File]::ReadAllBytes((Join-Path $script:dir 'secret-test.db')))
        foreach ($secret in $secrets) {
            $text.Contains($secret) | Should -BeFalse -Because "no stream may show $($secret.Length)-character secrets"
            $logText.Contains($secret) | Should -BeFalse -Because 'the log file is redacted'
            $dbText.Contains($secret) | Should -BeFalse -Because 'the archive holds no configuration secrets'
        }
    }
}
