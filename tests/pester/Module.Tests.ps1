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
