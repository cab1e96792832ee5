BeforeDiscovery {
    Import-Module (Join-Path $env:SPECTRA_MODULE_PATH 'Spectra.psd1') -Force
    $script:commands = @(Get-Command -Module Spectra -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module (Join-Path $env:SPECTRA_MODULE_PATH 'Spectra.psd1') -Force
    # Only the always-present common parameters are left out: -WhatIf and -Confirm (optional common parameters) are
    # part of a ShouldProcess cmdlet's syntax and are documented like its own parameters.
    $script:common = [System.Management.Automation.Cmdlet]::CommonParameters

    # One syntax line as Get-Command prints it ("[-Path] <string[]> [-Force] [-WhatIf] [<CommonParameters>]"),
    # reduced to "-Name <type>" / "-Name" (a switch) entries: what help must agree on, whatever the order and the
    # brackets for optional and positional parameters.
    function script:Get-CommandSyntaxEntry([string] $Line) {
        foreach ($m in [regex]::Matches($Line, '-(?<name>\w+)\]?(?: <(?<type>[^>]+)>)?')) {
            if ($m.Groups['type'].Success) { "-$($m.Groups['name'].Value) <$($m.Groups['type'].Value)>" } else { "-$($m.Groups['name'].Value)" }
        }
    }

    # The same entry for a parameter of the MAML help (SYNTAX or PARAMETERS); a switch has no parameterValue.
    function script:Get-HelpSyntaxEntry($Parameter) {
        $value = $Parameter.PSObject.Properties['parameterValue']
        if ($value -and $value.Value) { "-$($Parameter.name) <$($value.Value)>" } else { "-$($Parameter.name)" }
    }
}

Describe 'Help for <Name>' -ForEach $script:commands {
    BeforeAll {
        $script:help = Get-Help -Name $Name -Full
        $script:command = Get-Command -Name $Name
    }

    It 'has a synopsis that is not the generated syntax' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$Name *"
    }

    It 'has a description' {
        ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'documents every parameter' {
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $doc = $help.Parameters.Parameter | Where-Object Name -EQ $parameter
            ($doc.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'shows the same SYNTAX as Get-Command: switches without a value, the same type names, -WhatIf and -Confirm' {
        # One sorted line per parameter set, the sets sorted too: help and Get-Command need not list them in one order.
        $expected = @($command.ParameterSets | ForEach-Object { (Get-CommandSyntaxEntry $_.ToString() | Sort-Object) -join ' ' } | Sort-Object)
        $actual = @($help.Syntax.SyntaxItem | ForEach-Object { (@($_.parameter) | ForEach-Object { Get-HelpSyntaxEntry $_ } | Sort-Object) -join ' ' } | Sort-Object)
        $actual | Should -BeExactly $expected
    }

    It 'shows each parameter under PARAMETERS with the type Get-Command shows (none for a switch)' {
        $syntaxEntries = $command.ParameterSets | ForEach-Object { Get-CommandSyntaxEntry $_.ToString() }
        foreach ($parameter in $command.Parameters.Values | Where-Object Name -NotIn $common) {
            $doc = $help.Parameters.Parameter | Where-Object Name -EQ $parameter.Name
            $doc | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) must be documented"
            # A parameter has one type in every set, so the first entry that names it is enough.
            $expected = $syntaxEntries | Where-Object { $_ -ceq "-$($parameter.Name)" -or $_ -clike "-$($parameter.Name) <*" } | Select-Object -First 1
            Get-HelpSyntaxEntry $doc | Should -BeExactly $expected
        }
    }

    It 'accepts wildcards exactly for the parameters marked [SupportsWildcards]' {
        foreach ($parameter in $command.Parameters.Values | Where-Object Name -NotIn $common) {
            $doc = $help.Parameters.Parameter | Where-Object Name -EQ $parameter.Name
            $marked = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            ($doc.globbing -eq 'true') | Should -Be $marked -Because "-$($parameter.Name) is$(if (-not $marked) { ' not' }) marked [SupportsWildcards]"
        }
    }

    It 'lists a bare type under INPUTS only when a parameter takes it by value' {
        # "System.String" alone claims that strings can be piped in; a command that binds only by property name
        # must say which objects and properties it takes.
        $byValue = @($command.Parameters.Values | Where-Object { $_.ParameterSets.Values | Where-Object ValueFromPipeline } |
            ForEach-Object { if ($_.ParameterType.IsArray) { $_.ParameterType.GetElementType().FullName } else { $_.ParameterType.FullName } })
        foreach ($type in @($help.inputTypes.inputType.type.name | Where-Object { $_ -match '^[\w.]+(\[\])?$' })) {
            $byValue | Should -Contain ($type -replace '\[\]$') -Because "INPUTS lists $type"
        }
    }

    It 'has at least one example with code' {
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        $help.Examples.Example[0].Code | Should -Not -BeNullOrEmpty
    }

    It 'declares an output type' {
        $command.OutputType | Should -Not -BeNullOrEmpty
    }
}
