BeforeAll {
    $script:modulePath = Join-Path $env:SPECTRA_MODULE_PATH 'Spectra.psd1'
    Import-Module $script:modulePath -Force
    $script:module = Get-Module Spectra
}

Describe 'Spectra module' {
    It 'has a valid manifest for PowerShell 7.4+ Core' {
        $manifest = Test-ModuleManifest -Path $script:modulePath
        $manifest.PowerShellVersion | Should -Be ([version]'7.4')
        $manifest.CompatiblePSEditions | Should -Be @('Core')
        $manifest.PrivateData.PSData.Tags | Should -Contain 'Telegram'
    }

    It 'lists its cmdlets explicitly, exactly the cmdlets the assembly defines' {
        $data = Import-PowerShellDataFile $script:modulePath
        $data.CmdletsToExport | Should -Not -Contain '*'
        $defined = $script:module.ImplementingAssembly.GetExportedTypes() |
            Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; "$($a.VerbName)-$($a.NounName)" }
        @($data.CmdletsToExport | Sort-Object) | Should -Be @($defined | Sort-Object)
    }

    It 'keeps the engine and its packages out of the default load context' {
        $bridge = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object { $_.GetName().Name -eq 'Spectra.PowerShell' }
        $bridge | Should -Not -BeNullOrEmpty
        $leaked = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies |
            Where-Object { $_.Location -and $_.Location.StartsWith($env:SPECTRA_MODULE_PATH) -and $_.GetName().Name -ne 'Spectra.PowerShell' }
        $leaked | Should -BeNullOrEmpty
    }

    It 'ships the engine only under deps/' {
        Join-Path $env:SPECTRA_MODULE_PATH 'Spectra.Core.dll' | Should -Not -Exist
        Join-Path $env:SPECTRA_MODULE_PATH 'deps/Spectra.Core.dll' | Should -Exist
    }
}

Describe 'Native SQLite in a portable module' {
    It 'ships e_sqlite3 for <Rid> under deps/runtimes/<Rid>/native' -ForEach @(
        @{ Rid = 'linux-x64'; File = 'libe_sqlite3.so' }
        @{ Rid = 'win-x64'; File = 'e_sqlite3.dll' }
        @{ Rid = 'osx-x64'; File = 'libe_sqlite3.dylib' }
        @{ Rid = 'osx-arm64'; File = 'libe_sqlite3.dylib' }
    ) {
        Join-Path $env:SPECTRA_MODULE_PATH "deps/runtimes/$Rid/native/$File" | Should -Exist
    }

    It 'loads the native library from the module''s runtimes folder, not from pwsh' -Skip:(-not $IsLinux) {
        $db = Join-Path $TestDrive 'native.db'
        # Writing an archive forces SQLite to load; the load context resolves the native library itself.
        $sample = Join-Path $PSScriptRoot '../../examples/sample-export'
        $null = Import-SpectraExport -Path $sample -Database $db -ErrorAction SilentlyContinue
        $maps = Get-Content "/proc/$PID/maps" | Where-Object { $_ -match 'e_sqlite3' }
        $maps | Should -Not -BeNullOrEmpty
        $expected = Join-Path $env:SPECTRA_MODULE_PATH 'deps/runtimes/linux-x64/native/libe_sqlite3.so'
        ($maps | ForEach-Object { ($_ -split '\s+')[-1] } | Select-Object -Unique) | Should -Contain (Resolve-Path $expected).Path
    }
}
