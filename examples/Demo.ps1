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

Write-Host "`n== Get-SpectraChannel: what the archive holds" -ForegroundColor Cyan
Get-SpectraChannel -Database $demoDatabase | Format-Table -AutoSize | Out-String -Width 200 | Write-Host

Write-Host "`n== Search-SpectraMessage 'aurora' (FTS5, ranked, with snippets)" -ForegroundColor Cyan
Search-SpectraMessage -Query 'aurora' -Database $demoDatabase | Format-Table -AutoSize | Out-String -Width 200 | Write-Host

Write-Host "`n== Get-SpectraRun: the runs the archive recorded, newest first" -ForegroundColor Cyan
Get-SpectraRun -Database $demoDatabase | Format-Table -AutoSize | Out-String -Width 200 | Write-Host

Write-Host "`n== Test-SpectraDatabase -Deep: every integrity check" -ForegroundColor Cyan
Test-SpectraDatabase -Path $demoDatabase -Deep | Format-Table -AutoSize | Out-String -Width 200 | Write-Host

Write-Host "`n== Export-SpectraArchive: Telegram Desktop JSON and a static HTML site" -ForegroundColor Cyan
$exportRoot = Join-Path $WorkDirectory 'export'
if (Test-Path -LiteralPath $exportRoot) { Remove-Item -LiteralPath $exportRoot -Recurse -Force }
Export-SpectraArchive -Format Json -Destination (Join-Path $exportRoot 'json') -Database $demoDatabase |
    Format-Table -AutoSize | Out-String -Width 200 | Write-Host
Export-SpectraArchive -Format Html -Destination (Join-Path $exportRoot 'html') -Database $demoDatabase -PageSize 20 |
    Format-Table -AutoSize | Out-String -Width 200 | Write-Host
Write-Host "Open $(Join-Path $exportRoot 'html/index.html') in a browser."
