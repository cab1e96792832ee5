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

# --- Archive store: import the bundled Telegram Desktop sample export (synthetic; see examples/New-SampleExport.ps1) ---
$demoDatabase = Join-Path $WorkDirectory 'archive.db'
foreach ($stale in $demoDatabase, "$demoDatabase-wal", "$demoDatabase-shm", (Join-Path $WorkDirectory 'media')) {
    if (Test-Path -LiteralPath $stale) { Remove-Item -LiteralPath $stale -Recurse -Force }
}
Write-Host "`n== Import-SpectraExport: the sample export (every message kind, hostile names, missing files)" -ForegroundColor Cyan
$importErrors = @()
Import-SpectraExport -Path (Join-Path $PSScriptRoot 'sample-export') -Database $demoDatabase -ErrorVariable +importErrors -ErrorAction SilentlyContinue |
    Format-Table -AutoSize | Out-String -Width 200 | Write-Host
Write-Host "Refused or failed items reported as errors (expected: the two hostile paths in the sample):"
$importErrors | ForEach-Object { "  {0}  {1}  {2}" -f $_.FullyQualifiedErrorId.Split(',')[0], $_.TargetObject, $_.ErrorDetails.Message } | Write-Host
Write-Host "`n== Import again: idempotent, everything is skipped" -ForegroundColor Cyan
Import-SpectraExport -Path (Join-Path $PSScriptRoot 'sample-export') -Database $demoDatabase -ErrorAction SilentlyContinue |
    Format-Table Chat, Imported, Updated, Skipped, Failed -AutoSize | Out-String -Width 200 | Write-Host
