<#
.SYNOPSIS
    The main job on embedded defaults: what `build.ps1 -Task Demo` runs against the freshly built module.
#>
param(
    [Parameter(Mandatory)][string] $ModuleDirectory,
    [Parameter(Mandatory)][string] $WorkDirectory
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $ModuleDirectory 'Spectra.psd1') -Force
New-Item -ItemType Directory -Force -Path $WorkDirectory | Out-Null

Write-Host "`n== Spectra $((Get-Module Spectra).Version): commands" -ForegroundColor Cyan
Get-Command -Module Spectra | Format-Table -AutoSize | Out-String -Width 200 | Write-Host

# --- Configuration: effective values on embedded defaults, then validation of the commented sample -------------
Push-Location $WorkDirectory
try {
    Write-Host "`n== Get-SpectraConfig (no config file here: embedded defaults plus any environment variables)" -ForegroundColor Cyan
    Get-SpectraConfig | Format-Table -AutoSize | Out-String -Width 200 | Write-Host

    $sample = Join-Path $PSScriptRoot 'spectra_config.json'
    Write-Host "== Test-SpectraConfig -Path $sample" -ForegroundColor Cyan
    $findings = @(Test-SpectraConfig -Path $sample)
    $findings | Format-Table -AutoSize -Wrap | Out-String -Width 200 | Write-Host
    $counts = $findings | Group-Object Status -NoElement | ForEach-Object { "$($_.Count) $($_.Name)" }
    Write-Host "Summary: $($findings.Count) findings ($($counts -join ', ')); valid: $(Test-SpectraConfig -Path $sample -Quiet)"
    Write-Host '(Warnings about missing TG_API_ID/TG_API_HASH are expected: the sample leaves credentials to the environment.)'
}
finally {
    Pop-Location
}
