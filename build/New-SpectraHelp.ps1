<#
.SYNOPSIS
    Writes the module's MAML help (en-US/Spectra.PowerShell.dll-Help.xml) from module/help/<Cmdlet>.psd1 files.
.DESCRIPTION
    Each help source is a data file with Synopsis, Description, Parameters (name -> description), Examples
    (@{ Title; Code; Remarks }), Inputs, Outputs and Notes. Parameter types, positions, pipeline input and
    mandatory flags come from the compiled cmdlets, so help cannot drift from the code. A cmdlet without a help file,
    a parameter without a description, or a help file with no example fails the build.
#>
param(
    [Parameter(Mandatory)][string] $ModuleDirectory,
    [Parameter(Mandatory)][string] $HelpSource
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$module = Import-Module (Join-Path $ModuleDirectory 'Spectra.psd1') -PassThru -Force
$common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
$problems = [System.Collections.Generic.List[string]]::new()

function Esc([string] $text) { [System.Security.SecurityElement]::Escape($text) }
function Para([string] $text) {
    (($text -split "`r?`n`r?`n") | ForEach-Object { "<maml:para>$(Esc $_.Trim())</maml:para>" }) -join ''
}

$sb = [System.Text.StringBuilder]::new()
[void]$sb.AppendLine('<?xml version="1.0" encoding="utf-8"?>')
[void]$sb.AppendLine('<helpItems schema="maml" xmlns="http://msh">')
foreach ($cmd in ($module.ExportedCmdlets.Values | Sort-Object Name)) {
    $file = Join-Path $HelpSource "$($cmd.Name).psd1"
    if (-not (Test-Path $file)) { $problems.Add("$($cmd.Name): no help file $file"); continue }
    $help = Import-PowerShellDataFile $file
    foreach ($key in 'Synopsis', 'Description', 'Parameters', 'Examples') {
        if (-not $help.ContainsKey($key) -or -not $help[$key]) { $problems.Add("$($cmd.Name): help file lacks $key") }
    }
    if (-not $help.ContainsKey('Examples') -or @($help.Examples).Count -eq 0) { continue }
    $verb, $noun = $cmd.Name -split '-', 2
    [void]$sb.AppendLine('<command:command xmlns:maml="http://schemas.microsoft.com/maml/2004/10" xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10">')
    [void]$sb.AppendLine("<command:details><command:name>$($cmd.Name)</command:name><maml:description>$(Para $help.Synopsis)</maml:description><command:verb>$verb</command:verb><command:noun>$noun</command:noun></command:details>")
    [void]$sb.AppendLine("<maml:description>$(Para $help.Description)</maml:description>")

    $paramDocs = $help.Parameters
    $parameters = $cmd.Parameters.Values | Where-Object { $_.Name -notin $common }
    foreach ($p in $parameters) {
        if (-not $paramDocs.ContainsKey($p.Name)) { $problems.Add("$($cmd.Name): parameter -$($p.Name) has no description") }
    }

    [void]$sb.AppendLine('<command:syntax>')
    foreach ($set in $cmd.ParameterSets) {
        [void]$sb.AppendLine("<command:syntaxItem><maml:name>$($cmd.Name)</maml:name>")
        foreach ($sp in ($set.Parameters | Where-Object { $_.Name -notin $common })) {
            $pos = if ($sp.Position -ge 0) { $sp.Position } else { 'named' }
            [void]$sb.AppendLine("<command:parameter required=`"$($sp.IsMandatory.ToString().ToLower())`" position=`"$pos`" pipelineInput=`"$(if ($sp.ValueFromPipeline -or $sp.ValueFromPipelineByPropertyName) { 'True' } else { 'False' })`"><maml:name>$($sp.Name)</maml:name><command:parameterValue required=`"true`">$(Esc $sp.ParameterType.Name)</command:parameterValue></command:parameter>")
        }
        [void]$sb.AppendLine('</command:syntaxItem>')
    }
    [void]$sb.AppendLine('</command:syntax>')

    [void]$sb.AppendLine('<command:parameters>')
    foreach ($p in $parameters) {
        $attrs = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
        $mandatory = [bool]($attrs | Where-Object Mandatory)
        $pipeline = @()
        if ($attrs | Where-Object ValueFromPipeline) { $pipeline += 'ByValue' }
        if ($attrs | Where-Object ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
        $pipelineText = if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }
        # Under StrictMode, reading .Position of $null throws: a parameter without a position is 'named'.
        $positioned = $attrs | Where-Object { $_.Position -ge 0 } | Select-Object -First 1
        $position = if ($positioned) { $positioned.Position } else { 'named' }
        $aliases = ($p.Aliases -join ', ')
        $doc = if ($paramDocs.ContainsKey($p.Name)) { $paramDocs[$p.Name] } else { '' }
        [void]$sb.AppendLine("<command:parameter required=`"$($mandatory.ToString().ToLower())`" globbing=`"false`" pipelineInput=`"$pipelineText`" position=`"$position`" aliases=`"$(if ($aliases) { $aliases } else { 'none' })`"><maml:name>$($p.Name)</maml:name><maml:description>$(Para $doc)</maml:description><command:parameterValue required=`"true`">$(Esc $p.ParameterType.Name)</command:parameterValue><dev:type><maml:name>$(Esc $p.ParameterType.FullName)</maml:name></dev:type></command:parameter>")
    }
    [void]$sb.AppendLine('</command:parameters>')

    if ($help.ContainsKey('Inputs')) {
        [void]$sb.AppendLine('<command:inputTypes>')
        foreach ($i in @($help.Inputs)) { [void]$sb.AppendLine("<command:inputType><dev:type><maml:name>$(Esc $i)</maml:name></dev:type></command:inputType>") }
        [void]$sb.AppendLine('</command:inputTypes>')
    }
    [void]$sb.AppendLine('<command:returnValues>')
    foreach ($o in $cmd.OutputType) { [void]$sb.AppendLine("<command:returnValue><dev:type><maml:name>$(Esc $o.Name)</maml:name></dev:type></command:returnValue>") }
    [void]$sb.AppendLine('</command:returnValues>')
    if ($help.ContainsKey('Notes')) { [void]$sb.AppendLine("<maml:alertSet><maml:alert>$(Para $help.Notes)</maml:alert></maml:alertSet>") }

    [void]$sb.AppendLine('<command:examples>')
    $n = 0
    foreach ($ex in @($help.Examples)) {
        $n++
        [void]$sb.AppendLine("<command:example><maml:title>-------------------------- Example ${n}: $(Esc $ex.Title) --------------------------</maml:title><dev:code>$(Esc $ex.Code)</dev:code><dev:remarks>$(Para $ex.Remarks)</dev:remarks></command:example>")
    }
    [void]$sb.AppendLine('</command:examples>')
    if ($help.ContainsKey('Links')) {
        [void]$sb.AppendLine('<command:relatedLinks>')
        foreach ($l in @($help.Links)) { [void]$sb.AppendLine("<maml:navigationLink><maml:linkText>$(Esc $l)</maml:linkText></maml:navigationLink>") }
        [void]$sb.AppendLine('</command:relatedLinks>')
    }
    [void]$sb.AppendLine('</command:command>')
}
[void]$sb.AppendLine('</helpItems>')

if ($problems.Count -gt 0) {
    $problems | ForEach-Object { Write-Host "help: $_" }
    exit 1
}
$helpDir = Join-Path $ModuleDirectory 'en-US'
New-Item -ItemType Directory -Force -Path $helpDir | Out-Null
$target = Join-Path $helpDir 'Spectra.PowerShell.dll-Help.xml'
[System.IO.File]::WriteAllText($target, $sb.ToString(), [System.Text.UTF8Encoding]::new($false))
# Parse it back so malformed XML fails the build rather than Get-Help.
[xml](Get-Content -Raw $target) | Out-Null
