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
