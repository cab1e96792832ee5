BeforeAll {
    Import-Module (Join-Path $env:SPECTRA_MODULE_PATH 'Spectra.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/spectra_config.json' | Resolve-Path | ForEach-Object ProviderPath
    $script:hash = '5f2b9c0e7d1a4c3b8e6f9a0d2c4b6e8f'   # a made-up api_hash that must never be printed
    $script:phone = '+447700900123'
    $script:password = 'hunter2-proxy-pass'

    # Isolate from the caller's environment: every variable the loader reads is saved, cleared, restored in AfterAll.
    $script:saved = @{}
    foreach ($name in Get-ChildItem env: | Where-Object { $_.Name -match '^(TG_API_|SPECTRA_(?!MODULE_PATH)|LOG_LEVEL$)' } | ForEach-Object Name) {
        $script:saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }

    $script:root = Join-Path ([IO.Path]::GetTempPath()) ("spectra-pester-config-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $script:root | Out-Null

    function New-ConfigFile([string] $Name, [string] $Json) {
        $path = Join-Path $script:root $Name
        Set-Content -LiteralPath $path -Value $Json -NoNewline
        if (-not $IsWindows) { [IO.File]::SetUnixFileMode($path, [IO.UnixFileMode]'UserRead, UserWrite') }
        $path
    }
}

AfterAll {
    foreach ($name in $script:saved.Keys) { [Environment]::SetEnvironmentVariable($name, $script:saved[$name]) }
    Remove-Item -Recurse -Force -LiteralPath $script:root -ErrorAction SilentlyContinue
}

Describe 'Get-SpectraConfig' {
    AfterEach { Remove-Item env:SPECTRA_DB_PATH, env:TG_API_HASH -ErrorAction SilentlyContinue }

    It 'shows the embedded defaults when there is no file, one typed object per value' {
        $empty = New-Item -ItemType Directory -Path (Join-Path $script:root 'empty') -Force
        Push-Location $empty
        try { $values = @(Get-SpectraConfig) } finally { Pop-Location }
        $values.Count | Should -BeGreaterThan 10
        $values[0].GetType().FullName | Should -Be 'Spectra.PowerShell.Models.SpectraConfigValue'
        $values.Source | Sort-Object -Unique | Should -Be @('Default')
        ($values | Where-Object Key -EQ 'storage.database').Value | Should -Be 'spectra.db'
        Join-Path $empty 'spectra_config.json' | Should -Not -Exist
    }

    It 'names the file and line of file values and the variable of environment values' {
        $file = New-ConfigFile 'layers.json' "{`n  `"storage`": {`n    `"media_dir`": `"m`"`n  }`n}"
        $env:SPECTRA_DB_PATH = 'from-env.db'
        $values = Get-SpectraConfig -Path $file
        $media = $values | Where-Object Key -EQ 'storage.media_dir'
        $media.Source | Should -Be 'File'
        $media.Location | Should -Be "${file}:3"
        $db = $values | Where-Object Key -EQ 'storage.database'
        $db.Value | Should -Be 'from-env.db'
        $db.Source | Should -Be 'Environment'
        $db.Location | Should -Be '$env:SPECTRA_DB_PATH'
    }

    It 'reports a missing file as ConfigFileNotFound (ObjectNotFound) with a fix' {
        $missing = Join-Path $script:root 'nope.json'
        $out = Get-SpectraConfig -Path $missing -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ConfigFileNotFound,Spectra.PowerShell.Commands.GetSpectraConfigCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $missing
        $err[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'reports malformed JSON as ConfigParseError (ParserError) naming file and line' {
        $file = New-ConfigFile 'broken.json' "{`n  `"archive`": {`n    `"batch_size`": ,`n  }`n}"
        Get-SpectraConfig -Path $file -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'ConfigParseError,Spectra.PowerShell.Commands.GetSpectraConfigCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ParserError'
        $err[0].ErrorDetails.Message | Should -BeLike "${file}:3*field archive.batch_size*"
    }

    It 'masks secrets from every layer' {
        $file = New-ConfigFile 'secret.json' "{ `"accounts`": [ { `"name`": `"a`", `"phone`": `"$script:phone`" } ] }"
        $env:TG_API_HASH = $script:hash
        $values = Get-SpectraConfig -Path $file
        ($values | Where-Object Key -EQ 'accounts[0].api_hash').Value | Should -Be '********'
        ($values | Where-Object Key -EQ 'accounts[0].phone').Value | Should -Be '********'
        ($values | Where-Object Key -EQ 'accounts[0].phone').IsSecret | Should -BeTrue
    }

    It 'has a default table view' {
        Get-FormatData -TypeName Spectra.PowerShell.Models.SpectraConfigValue | Should -Not -BeNullOrEmpty
        (Get-SpectraConfig | Select-Object -First 1 | Format-Table | Out-String) | Should -Match 'Key\s+Value\s+Source\s+Location'
    }
}

Describe 'Test-SpectraConfig' {
    BeforeAll {
        $script:good = New-ConfigFile 'good.json' '{ "accounts": [ { "name": "a" } ], "targets": [ { "entity": "@example_channel" } ] }'
        $script:bad = New-ConfigFile 'bad.json' '{ "accounts": [ { "name": "a", "api_id": 12345 } ], "targets": [ { "entity": "not a chat" } ], "storage": { "database": "../../x.db" } }'
    }
    AfterEach { Remove-Item env:TG_API_ID, env:TG_API_HASH -ErrorAction SilentlyContinue }

    It 'passes the sample configuration with credentials from the environment' {
        $env:TG_API_ID = '2718281'; $env:TG_API_HASH = $script:hash
        $findings = @(Test-SpectraConfig -Path $script:sample)
        $findings[0].GetType().FullName | Should -Be 'Spectra.PowerShell.Models.SpectraConfigFinding'
        $findings | Where-Object Status -EQ 'Fail' | Should -BeNullOrEmpty
        ($findings | Where-Object Status -EQ 'Pass').Check | Should -Contain 'Schema'
        Test-SpectraConfig -Path $script:sample -Quiet | Should -BeTrue
    }

    It 'emits one finding per problem with check, status, field, message and location' {
        $findings = Test-SpectraConfig -Path $script:bad
        $id = $findings | Where-Object Field -EQ 'accounts[0].api_id'
        $id.Check | Should -Be 'Security'
        $id.Status | Should -Be 'Fail'
        $id.Location | Should -Be "$($script:bad):1"
        $id.Message | Should -Match 'my\.telegram\.org'
        ($findings | Where-Object Field -EQ 'targets[0].entity').Check | Should -Be 'Targets'
        ($findings | Where-Object Field -EQ 'storage.database').Check | Should -Be 'Paths'
        $findings.ConfigFile | Sort-Object -Unique | Should -Be $script:bad
    }

    It '-Quiet returns only $true or $false' {
        $quiet = @(Test-SpectraConfig -Path $script:bad -Quiet)
        $quiet.Count | Should -Be 1
        $quiet[0] | Should -BeOfType [bool]
        $quiet[0] | Should -BeFalse
        Test-SpectraConfig -Path $script:good -Quiet | Should -BeTrue
    }

    It 'reports malformed JSON as a Fail finding naming file and line' {
        $broken = New-ConfigFile 'broken2.json' "{`n`"logging`": { `"level`": `"Debug`" `"secure`": true }`n}"
        $finding = Test-SpectraConfig -Path $broken
        @($finding).Count | Should -Be 1
        $finding.Status | Should -Be 'Fail'
        $finding.Check | Should -Be 'Schema'
        $finding.Location | Should -Be "${broken}:2"
        Test-SpectraConfig -Path $broken -Quiet | Should -BeFalse
    }

    It 'reports a missing file as an ErrorRecord, and -Quiet also answers $false' {
        $missing = Join-Path $script:root 'absent.json'
        $answer = Test-SpectraConfig -Path $missing -Quiet -ErrorVariable err -ErrorAction SilentlyContinue
        $answer | Should -BeFalse
        $err[0].FullyQualifiedErrorId | Should -Be 'ConfigFileNotFound,Spectra.PowerShell.Commands.TestSpectraConfigCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'takes files from Get-ChildItem on the pipeline (FullName/PSPath), one answer per file in order' {
        $dir = New-Item -ItemType Directory -Path (Join-Path $script:root 'many') -Force
        Copy-Item $script:bad (Join-Path $dir '1-bad.json')
        Copy-Item $script:good (Join-Path $dir '2-good.json')
        $answers = Get-ChildItem (Join-Path $dir '*.json') | Sort-Object Name | Test-SpectraConfig -Quiet
        $answers | Should -Be @($false, $true)
        $findings = Get-ChildItem (Join-Path $dir '*.json') | Test-SpectraConfig
        ($findings.ConfigFile | Sort-Object -Unique).Count | Should -Be 2
    }

    It 'takes plain path strings on the pipeline and expands wildcards' {
        $script:good | Test-SpectraConfig -Quiet | Should -BeTrue
        @(Test-SpectraConfig -Path (Join-Path $script:root 'good*.json') -Quiet) | Should -Be @($true)
    }

    It 'takes -LiteralPath and bracketed file names, also from the pipeline' {
        $odd = Join-Path $script:root 'odd[1].json'
        Copy-Item -LiteralPath $script:good -Destination $odd
        Test-SpectraConfig -LiteralPath $odd -Quiet | Should -BeTrue
        Get-ChildItem -LiteralPath $odd | Test-SpectraConfig -Quiet | Should -BeTrue
        (Get-SpectraConfig -LiteralPath $odd | Select-Object -First 1).ConfigFile | Should -Be $odd
    }

    It 'names -LiteralPath, not -Path, when the file given by -LiteralPath is missing' {
        $missing = Join-Path $script:root 'absent-literal.json'
        Test-SpectraConfig -LiteralPath $missing -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-SpectraConfig -LiteralPath $missing -ErrorVariable err2 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        foreach ($record in $err[0], $err2[0]) {
            $record.FullyQualifiedErrorId | Should -BeLike 'ConfigFileNotFound,*'
            $record.ErrorDetails.Message | Should -BeLike '*given by -LiteralPath does not exist*'
            $record.ErrorDetails.RecommendedAction | Should -BeLike '*omit -LiteralPath*'
        }
    }

    It 'reports a wildcard that matches nothing as ConfigFileNotFound' {
        Test-SpectraConfig -Path (Join-Path $script:root 'zzz*.json') -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'ConfigFileNotFound,Spectra.PowerShell.Commands.TestSpectraConfigCommand'
    }

    It 'has a default table view' {
        Get-FormatData -TypeName Spectra.PowerShell.Models.SpectraConfigFinding | Should -Not -BeNullOrEmpty
    }
}

Describe 'No secret reaches any stream' {
    AfterEach { Remove-Item env:TG_API_HASH, env:SPECTRA_ACCOUNTS__0__PROXY__PASSWORD -ErrorAction SilentlyContinue }

    It 'keeps api_hash, phone and proxy password out of output, verbose, debug, warning and error streams' {
        $file = New-ConfigFile 'leaky.json' "{ `"accounts`": [ { `"name`": `"a`", `"api_hash`": `"$script:hash`", `"phone`": `"$script:phone`", `"proxy`": { `"type`": `"socks5`", `"host`": `"h`", `"port`": 1080, `"username`": `"u`", `"password`": `"$script:password`" } } ] }"
        if (-not $IsWindows) { [IO.File]::SetUnixFileMode($file, [IO.UnixFileMode]'UserRead, UserWrite, OtherRead') }
        $env:TG_API_HASH = $script:hash
        $broken = New-ConfigFile 'leaky-broken.json' "{ `"accounts`": [ { `"api_hash`": `"$script:hash`" `"phone`": `"$script:phone`" } ] }"

        $all = & {
            Get-SpectraConfig -Path $file -Verbose -Debug
            Get-SpectraConfig -Path $file | Format-List * | Out-String
            Test-SpectraConfig -Path $file -Verbose -Debug
            Test-SpectraConfig -Path $file | Format-List * | Out-String
            Test-SpectraConfig -Path $broken -Verbose -Debug
            Get-SpectraConfig -Path $broken -Verbose -Debug -ErrorAction Continue
        } *>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() } else { $_ | Format-List * | Out-String; "$_" } } | Out-String

        $all | Should -Not -BeNullOrEmpty
        $all | Should -Match 'accounts\[0\]\.api_hash'
        $all | Should -Match 'ConfigParseError'
        $all | Should -Not -Match $script:hash
        $all | Should -Not -Match ([regex]::Escape($script:phone))
        $all | Should -Not -Match $script:password
    }
}

Describe 'Values of unknown keys' {
    BeforeAll {
        # Misspelt keys are where real secrets end up: their values must be masked like those of the keys they meant.
        $script:typoHash = 'aa11bb22cc33dd44ee55ff6677889900'
        $script:typoPass = 'TypoPassMARKER'
        $script:typoPhone = '+15550001234'
        $script:typos = New-ConfigFile 'typos.json' "{ `"accounts`": [ { `"name`": `"typo-account`", `"session`": `"sessions/typo.session`", `"api_hsah`": `"$script:typoHash`", `"proxy`": { `"type`": `"socks5`", `"host`": `"proxy.example.org`", `"port`": 1080, `"username`": `"u`", `"pasword`": `"$script:typoPass`" } } ], `"passwd`": `"$script:typoPhone`" }"
    }

    It 'masks them in Get-SpectraConfig and keeps known non-secret values visible' {
        $values = Get-SpectraConfig -Path $script:typos
        foreach ($key in 'accounts[0].api_hsah', 'accounts[0].proxy.pasword', 'passwd') {
            $value = $values | Where-Object Key -EQ $key
            $value.Value | Should -Be '********' -Because "$key is not a key the schema knows"
            $value.IsSecret | Should -BeTrue
        }

        ($values | Where-Object Key -EQ 'accounts[0].name').Value | Should -Be 'typo-account'
        ($values | Where-Object Key -EQ 'accounts[0].session').Value | Should -Be 'sessions/typo.session'
        ($values | Where-Object Key -EQ 'accounts[0].proxy.host').Value | Should -Be 'proxy.example.org'
        ($values | Where-Object Key -EQ 'accounts[0].proxy.port').Value | Should -Be '1080'
        ($values | Where-Object Key -EQ 'accounts[0].proxy.username').Value | Should -Be 'u'
    }

    It 'names them in Test-SpectraConfig findings without their values' {
        $findings = Test-SpectraConfig -Path $script:typos
        foreach ($key in 'accounts[0].api_hsah', 'accounts[0].proxy.pasword', 'passwd') {
            ($findings | Where-Object { $_.Field -eq $key -and $_.Check -eq 'Schema' }).Message | Should -Match 'Unknown key'
        }
    }

    It 'never shows their values in any stream' {
        $all = & {
            Get-SpectraConfig -Path $script:typos -Verbose -Debug
            Get-SpectraConfig -Path $script:typos | Format-List * | Out-String
            Get-SpectraConfig -Path $script:typos | ConvertTo-Json
            Test-SpectraConfig -Path $script:typos -Verbose -Debug
            Test-SpectraConfig -Path $script:typos | Format-List * | Out-String
            Test-SpectraConfig -Path $script:typos | ConvertTo-Json
        } *>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() } else { $_ | Format-List * | Out-String; "$_" } } | Out-String

        $all | Should -Match 'api_hsah'
        $all | Should -Match 'pasword'
        $all | Should -Not -Match $script:typoHash
        $all | Should -Not -Match $script:typoPass
        $all | Should -Not -Match ([regex]::Escape($script:typoPhone))
    }
}

Describe 'Private load context' {
    It "leaves pwsh's own Test-Json working after Spectra validated a config" {
        Test-SpectraConfig -Path $script:sample | Out-Null
        Test-Json -Json '{"a":1}' -Schema '{"type":"object"}' | Should -BeTrue
        Test-Json -Json '[1]' -Schema '{"type":"object"}' -ErrorAction SilentlyContinue | Should -BeFalse
    }

    It 'loads the JsonSchema.Net used by Spectra into the context named Spectra, from the module folder' {
        Test-SpectraConfig -Path $script:sample | Out-Null
        $spectra = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -EQ 'Spectra'
        $spectra | Should -Not -BeNullOrEmpty
        $ours = $spectra.Assemblies | Where-Object { $_.GetName().Name -eq 'JsonSchema.Net' }
        $ours | Should -Not -BeNullOrEmpty
        $ours.Location | Should -BeLike "$($env:SPECTRA_MODULE_PATH)*"
        $core = $spectra.Assemblies | Where-Object { $_.GetName().Name -eq 'Spectra.Core' }
        $core | Should -Not -BeNullOrEmpty
        $default = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object { $_.GetName().Name -eq 'JsonSchema.Net' }
        if ($default) { $default.Location | Should -Not -BeLike "$($env:SPECTRA_MODULE_PATH)*" }
    }
}
