#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and demonstrates the Spectra module.
.DESCRIPTION
    Build  publishes an importable module folder at out/Spectra (manifest, cmdlet assembly, formats, schema, help,
           and the engine with its dependencies under deps/).
    Test   builds, runs every xunit project and every Pester file against the built module, and prints one closing
           line "N passed, N failed" with the totals of both.
    Demo   builds, then runs examples/Demo.ps1 against the built module on embedded defaults.
    Clean  removes build output.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Run only test projects / Pester files whose name matches this wildcard (for quick local loops).
    [string] $Filter = '*'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:NO_COLOR = '1'

$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleDir = Join-Path $out 'Spectra'
$depsDir = Join-Path $moduleDir 'deps'
# Native runtimes kept in the portable module; others are dropped to keep the module small.
$keptRids = 'linux-x64', 'linux-arm64', 'win-x64', 'win-arm64', 'osx-x64', 'osx-arm64'

function Invoke-Native {
    # A simple function on purpose: an advanced one would try to bind native flags such as -o to its own parameters.
    $file, $rest = $args
    & $file @rest
    if ($LASTEXITCODE -ne 0) { throw "'$file $($rest -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Get-PwshCommand {
    # The pwsh running this script is the repo's pinned tool; child processes use the same one.
    $self = (Get-Process -Id $PID).Path
    if ($self -and (Split-Path -Leaf $self) -like 'pwsh*') { return , @($self) }
    return , @('dotnet', 'pwsh')
}

function Invoke-Pwsh {
    param([Parameter(Mandatory)][string] $Command)
    $pwsh = Get-PwshCommand
    $exe = $pwsh[0]
    $rest = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Command)
    # To the host, not the function's output: otherwise callers' `$rc = Invoke-Pwsh ...` swallows the child's
    # output (the Demo printed nothing) and $rc becomes an array instead of the exit code.
    & $exe @rest | Out-Host
    return $LASTEXITCODE
}

function Invoke-Clean {
    foreach ($dir in @($out) + (Get-ChildItem -Path (Join-Path $root 'src'), (Join-Path $root 'tests'), (Join-Path $root 'bench') -Directory -Recurse -Include bin, obj -ErrorAction SilentlyContinue).FullName) {
        if ($dir -and (Test-Path $dir)) { Remove-Item -Recurse -Force $dir }
    }
}

function Invoke-Build {
    Write-Host "Building Spectra ($Configuration)..."
    $staging = Join-Path $out 'staging'
    if (Test-Path $moduleDir) { Remove-Item -Recurse -Force $moduleDir }
    if (Test-Path $staging) { Remove-Item -Recurse -Force $staging }

    # One portable publish (no RID) of the cmdlet project brings the engine, every package and all natives.
    Invoke-Native dotnet publish (Join-Path $root 'src/Spectra.PowerShell/Spectra.PowerShell.csproj') -c $Configuration -o $staging --nologo -v quiet

    # Bridge in the module root; the engine and its dependencies in deps/, loaded by the private load context.
    New-Item -ItemType Directory -Force -Path $depsDir | Out-Null
    foreach ($item in Get-ChildItem -LiteralPath $staging) {
        if ($item.Name -eq 'Spectra.PowerShell.deps.json') {
            # pwsh does not read a module's deps.json; the load context reads deps/ directly.
            Remove-Item -LiteralPath $item.FullName
        }
        elseif ($item.Name -like 'Spectra.PowerShell.*') {
            Move-Item -LiteralPath $item.FullName -Destination $moduleDir
        }
        else {
            Move-Item -LiteralPath $item.FullName -Destination $depsDir
        }
    }
    Remove-Item -Recurse -Force $staging
    $runtimes = Join-Path $depsDir 'runtimes'
    if (Test-Path $runtimes) {
        Get-ChildItem -LiteralPath $runtimes -Directory | Where-Object Name -NotIn $keptRids | Remove-Item -Recurse -Force
    }

    Copy-Item (Join-Path $root 'Spectra.psd1') $moduleDir
    Copy-Item (Join-Path $root 'module/Spectra.format.ps1xml') $moduleDir
    $schemaDir = Join-Path $root 'module/schema'
    if (Test-Path $schemaDir) { Copy-Item -Recurse $schemaDir (Join-Path $moduleDir 'schema') }

    # MAML help is generated from module/help/<Cmdlet>.psd1 and the compiled cmdlets' own parameter metadata,
    # in a child pwsh because a loaded binary module cannot be unloaded.
    $helpScript = Join-Path $root 'build/New-SpectraHelp.ps1'
    $rc = Invoke-Pwsh "& '$helpScript' -ModuleDirectory '$moduleDir' -HelpSource '$(Join-Path $root 'module/help')'"
    if ($rc -ne 0) { throw "Help generation failed (exit code $rc)." }
    Write-Host "Module ready: $moduleDir"
}

function Get-TrxCounts {
    param([string] $TrxPath)
    [xml] $trx = Get-Content -Raw -LiteralPath $TrxPath
    $c = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$c.passed; Failed = [int]$c.failed + [int]$c.error + [int]$c.timeout + [int]$c.aborted; Skipped = [int]$c.notExecuted }
}

function Invoke-Test {
    Invoke-Build
    $results = Join-Path $out 'test-results'
    if (Test-Path $results) { Remove-Item -Recurse -Force $results }
    New-Item -ItemType Directory -Force -Path $results | Out-Null
    $passed = 0; $failed = 0; $skipped = 0

    $projects = Get-ChildItem -Path (Join-Path $root 'tests') -Recurse -Filter '*.Tests.csproj' | Where-Object BaseName -Like $Filter | Sort-Object FullName
    foreach ($project in $projects) {
        $name = $project.BaseName
        Write-Host "`n== xunit: $name"
        & dotnet test $project.FullName -c $Configuration --nologo --logger "trx;LogFileName=$name.trx" --logger 'console;verbosity=normal' --results-directory $results
        $rc = $LASTEXITCODE
        $trx = Join-Path $results "$name.trx"
        if (Test-Path $trx) {
            $counts = Get-TrxCounts $trx
            $passed += $counts.Passed; $failed += $counts.Failed; $skipped += $counts.Skipped
            Write-Host "xunit ${name}: $($counts.Passed) passed, $($counts.Failed) failed, $($counts.Skipped) skipped"
            if ($rc -ne 0 -and $counts.Failed -eq 0) { $failed += 1; Write-Host "xunit ${name}: test host exited with $rc" }
        }
        else {
            # A build failure or a crashed host produces no results: count the whole project as one failure.
            $failed += 1
            Write-Host "xunit ${name}: no results (exit code $rc)"
        }
    }

    Write-Host "`n== Pester"
    Invoke-Native dotnet restore (Join-Path $root 'build/tools.csproj') --nologo -v quiet
    $pesterResult = Join-Path $results 'pester.json'
    $runner = Join-Path $root 'build/Invoke-SpectraPester.ps1'
    $null = Invoke-Pwsh "& '$runner' -ModuleDirectory '$moduleDir' -TestPath '$(Join-Path $root 'tests/pester')' -Filter '$Filter' -ResultPath '$pesterResult'"
    if (Test-Path $pesterResult) {
        $p = Get-Content -Raw $pesterResult | ConvertFrom-Json
        $passed += $p.Passed; $failed += $p.Failed; $skipped += $p.Skipped
        Write-Host "pester: $($p.Passed) passed, $($p.Failed) failed, $($p.Skipped) skipped"
    }
    else {
        $failed += 1
        Write-Host 'pester: no results'
    }

    Write-Host ''
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    $demo = Join-Path $root 'examples/Demo.ps1'
    # Not through Invoke-Pwsh: its caller captures the child's stdout as the return value, which hid the Demo's output.
    $pwsh = Get-PwshCommand
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $demo -ModuleDirectory $moduleDir -WorkDirectory (Join-Path $root 'demo')
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

Push-Location $root
try {
    switch ($Task) {
        'Clean' { Invoke-Clean }
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
    }
}
finally {
    Pop-Location
}
