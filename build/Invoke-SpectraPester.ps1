<#
.SYNOPSIS
    Runs the Pester suite against a built module in this (fresh) pwsh process and writes the counts as JSON.
#>
param(
    [Parameter(Mandatory)][string] $ModuleDirectory,
    [Parameter(Mandatory)][string] $TestPath,
    [Parameter(Mandatory)][string] $ResultPath,
    [string] $Filter = '*'
)
$ErrorActionPreference = 'Stop'
$packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
$pester = Get-ChildItem -Path (Join-Path $packages 'pester') -Filter 'Pester.psd1' -Recurse | Where-Object { $_.Directory.Name -eq 'tools' } | Sort-Object { [version]$_.Directory.Parent.Name } | Select-Object -Last 1
if (-not $pester) { throw "Pester was not found under $packages/pester; run 'dotnet restore build/tools.csproj'." }
Import-Module $pester.FullName -Force

# Tests import the module from here, so they always exercise the built module, never the source tree.
$env:SPECTRA_MODULE_PATH = $ModuleDirectory

$files = Get-ChildItem -Path $TestPath -Filter '*.Tests.ps1' -Recurse | Where-Object { $_.BaseName -like "$Filter" -or $Filter -eq '*' }
if (-not $files) {
    [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 } | ConvertTo-Json | Set-Content -LiteralPath $ResultPath
    return
}
$config = New-PesterConfiguration
$config.Run.Path = @($files.FullName)
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputPath = Join-Path (Split-Path $ResultPath) 'pester.xml'
$result = Invoke-Pester -Configuration $config
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount + $result.NotRunCount } |
    ConvertTo-Json | Set-Content -LiteralPath $ResultPath
