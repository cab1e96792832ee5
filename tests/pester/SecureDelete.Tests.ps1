BeforeAll {
    Import-Module (Join-Path $env:SPECTRA_MODULE_PATH 'Spectra.psd1') -Force
}

Describe 'Remove-SpectraSecureFile' {
    BeforeEach {
        $script:dir = Join-Path ([IO.Path]::GetTempPath()) ("spectra-pester-" + [guid]::NewGuid().ToString('N').Substring(0, 10))
        New-Item -ItemType Directory -Path $script:dir | Out-Null
    }
    AfterEach {
        if (Test-Path -LiteralPath $script:dir) { Remove-Item -LiteralPath $script:dir -Recurse -Force }
    }

    It 'erases a file and returns one result with what was done' {
        $file = Join-Path $script:dir 'secret.bin'
        [IO.File]::WriteAllBytes($file, [byte[]](1..200 | ForEach-Object { $_ }))
        $result = Remove-SpectraSecureFile -Path $file -Confirm:$false
        $file | Should -Not -Exist
        $result.GetType().FullName | Should -Be 'Spectra.PowerShell.Models.SecureDeleteResult'
        $result.Path | Should -Be $file
        $result.Size | Should -Be 200
        $result.Passes | Should -Be 3
        $result.Verified | Should -BeTrue
        $result.Duration | Should -BeOfType [timespan]
        @(Get-ChildItem -LiteralPath $script:dir -Force).Count | Should -Be 0
    }

    It 'honours -Passes' {
        $file = Join-Path $script:dir 'p.bin'
        Set-Content -LiteralPath $file -Value 'abc'
        (Remove-SpectraSecureFile -LiteralPath $file -Passes 5 -Confirm:$false).Passes | Should -Be 5
        { Remove-SpectraSecureFile -LiteralPath $file -Passes 0 -Confirm:$false } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Spectra.PowerShell.Commands.RemoveSpectraSecureFileCommand'
    }

    It 'changes nothing with -WhatIf' {
        $file = Join-Path $script:dir 'keep.txt'
        Set-Content -LiteralPath $file -Value 'still here'
        $sub = Join-Path $script:dir 'sub'
        New-Item -ItemType Directory -Path $sub | Out-Null
        Set-Content -LiteralPath (Join-Path $sub 'inner.txt') -Value 'inner'
        $out = Remove-SpectraSecureFile -Path $file, $sub -Recurse -WhatIf
        $out | Should -BeNullOrEmpty
        Get-Content -LiteralPath $file | Should -Be 'still here'
        Get-Content -LiteralPath (Join-Path $sub 'inner.txt') | Should -Be 'inner'
    }

    It 'takes files from Get-ChildItem through the pipeline' {
        foreach ($n in 'a.log', 'b.log', 'c.txt') { Set-Content -LiteralPath (Join-Path $script:dir $n) -Value $n }
        $results = Get-ChildItem -LiteralPath $script:dir -Filter '*.log' | Remove-SpectraSecureFile -Confirm:$false
        @($results).Count | Should -Be 2
        ($results.Path | ForEach-Object { Split-Path -Leaf $_ } | Sort-Object) | Should -Be @('a.log', 'b.log')
        (Get-ChildItem -LiteralPath $script:dir).Name | Should -Be 'c.txt'
    }

    It 'expands wildcards in -Path and takes names with brackets literally in -LiteralPath' {
        Set-Content -LiteralPath (Join-Path $script:dir 'x1.tmp') -Value 1
        Set-Content -LiteralPath (Join-Path $script:dir 'x2.tmp') -Value 2
        Set-Content -LiteralPath (Join-Path $script:dir 'odd[1].tmp') -Value 3
        @(Remove-SpectraSecureFile -Path (Join-Path $script:dir 'x?.tmp') -Confirm:$false).Count | Should -Be 2
        Remove-SpectraSecureFile -LiteralPath (Join-Path $script:dir 'odd[1].tmp') -Confirm:$false | Should -Not -BeNullOrEmpty
        @(Get-ChildItem -LiteralPath $script:dir).Count | Should -Be 0
    }

    It 'needs -Recurse for a directory and then removes the whole tree' {
        $tree = Join-Path $script:dir 'tree'
        New-Item -ItemType Directory -Path (Join-Path $tree 'a/b') | Out-Null
        Set-Content -LiteralPath (Join-Path $tree 'one.txt') -Value 1
        Set-Content -LiteralPath (Join-Path $tree 'a/b/two.txt') -Value 2

        Remove-SpectraSecureFile -LiteralPath $tree -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'SecureDeleteDirectoryNeedsRecurse,*'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        Join-Path $tree 'a/b/two.txt' | Should -Exist

        $results = Remove-SpectraSecureFile -LiteralPath $tree -Recurse -Confirm:$false
        @($results).Count | Should -Be 2
        $tree | Should -Not -Exist
    }

    It 'reports a missing path with a stable error id and goes on with the others' {
        $good = Join-Path $script:dir 'good.txt'
        Set-Content -LiteralPath $good -Value 'x'
        $results = Remove-SpectraSecureFile -Path (Join-Path $script:dir 'missing.txt'), (Join-Path $script:dir 'nomatch*.txt'), $good -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        @($results).Count | Should -Be 1
        $errs.Count | Should -Be 2
        $errs | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'SecureDeletePathNotFound,*' }
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $good | Should -Not -Exist
    }

    It 'removes a symbolic link without touching its target' {
        $target = Join-Path $script:dir 'target.txt'
        Set-Content -LiteralPath $target -Value 'survivor'
        $link = Join-Path $script:dir 'link.txt'
        New-Item -ItemType SymbolicLink -Path $link -Target $target | Out-Null
        $result = Remove-SpectraSecureFile -LiteralPath $link -Confirm:$false -WarningVariable warns -WarningAction SilentlyContinue
        Test-Path -LiteralPath $link | Should -BeFalse
        Get-Content -LiteralPath $target | Should -Be 'survivor'
        $result.Passes | Should -Be 0
        $result.Warnings | Should -Match 'symbolic link'
        $warns | Should -Match 'symbolic link'
    }

    Context 'links to directories' {
        BeforeEach {
            # The link's target lies outside every path given to the cmdlet; its bytes must survive unchanged.
            $script:outside = Join-Path $script:dir 'outside'
            New-Item -ItemType Directory -Path (Join-Path $script:outside 'nested') | Out-Null
            [IO.File]::WriteAllBytes((Join-Path $script:outside 'keep.bin'), [byte[]](0..255))
            Set-Content -LiteralPath (Join-Path $script:outside 'nested/deep.txt') -Value 'deep survivor'
            $script:before = Get-ChildItem -LiteralPath $script:outside -Recurse -File | Get-FileHash | Select-Object Path, Hash
            $script:link = Join-Path $script:dir 'dirlink'
            New-Item -ItemType SymbolicLink -Path $script:link -Target $script:outside | Out-Null
        }

        It 'removes the link, not its target, for <Name>' -ForEach @(
            @{ Name = '-LiteralPath with a trailing slash and -Recurse'; Literal = $true; Given = 'dirlink/'; Recurse = $true }
            @{ Name = '-LiteralPath with a trailing separator, no -Recurse'; Literal = $true; Given = "dirlink$([IO.Path]::DirectorySeparatorChar)"; Recurse = $false }
            @{ Name = '-LiteralPath without a trailing slash'; Literal = $true; Given = 'dirlink'; Recurse = $true }
            @{ Name = '-Path with a trailing slash'; Literal = $false; Given = 'dirlink/'; Recurse = $true }
            @{ Name = 'a wildcard with a trailing slash'; Literal = $false; Given = 'dirl*/'; Recurse = $true }
        ) {
            $target = "./$Given"
            $params = @{ Confirm = $false; Recurse = $Recurse; Verbose = $true; WarningAction = 'SilentlyContinue'; ErrorVariable = 'errs'; ErrorAction = 'SilentlyContinue' }
            if ($Literal) { $params.LiteralPath = $target } else { $params.Path = $target }
            Push-Location -LiteralPath $script:dir
            try { $out = Remove-SpectraSecureFile @params 4>&1 } finally { Pop-Location }

            $errs | Should -BeNullOrEmpty
            $result = $out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
            @($result).Count | Should -Be 1
            $result.Passes | Should -Be 0
            $result.Warnings | Should -Match 'symbolic link'
            # The confirmation text describes what happens: a link removed, not a directory's files overwritten.
            ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Not -Match 'every file under the directory'
            Test-Path -LiteralPath $script:link | Should -BeFalse
            Get-ChildItem -LiteralPath $script:outside -Recurse -File | Get-FileHash | Select-Object Path, Hash |
                ConvertTo-Json | Should -Be ($script:before | ConvertTo-Json)
        }

        It 'removes links nested in a tree erased with -Recurse<Suffix> and keeps their targets' -ForEach @(
            @{ Suffix = '' }
            @{ Suffix = '/' }
        ) {
            $tree = Join-Path $script:dir 'tree'
            New-Item -ItemType Directory -Path (Join-Path $tree 'a') | Out-Null
            Set-Content -LiteralPath (Join-Path $tree 'a/mine.txt') -Value 'erase me'
            New-Item -ItemType SymbolicLink -Path (Join-Path $tree 'a/linked') -Target $script:outside | Out-Null
            Move-Item -LiteralPath $script:link -Destination (Join-Path $tree 'dirlink')

            $results = Remove-SpectraSecureFile -LiteralPath ($tree + $Suffix) -Recurse -Confirm:$false -WarningAction SilentlyContinue -ErrorVariable errs -ErrorAction SilentlyContinue

            $errs | Should -BeNullOrEmpty
            @($results).Count | Should -Be 3
            @($results | Where-Object Passes -EQ 0).Count | Should -Be 2
            $tree | Should -Not -Exist
            Get-ChildItem -LiteralPath $script:outside -Recurse -File | Get-FileHash | Select-Object Path, Hash |
                ConvertTo-Json | Should -Be ($script:before | ConvertTo-Json)
        }
    }

    It 'refuses a file with another hard link unless -Force' -Skip:(-not $IsLinux) {
        $file = Join-Path $script:dir 'data.bin'
        Set-Content -LiteralPath $file -Value 'shared data'
        $other = Join-Path $script:dir 'other-name.bin'
        New-Item -ItemType HardLink -Path $other -Target $file | Out-Null

        Remove-SpectraSecureFile -LiteralPath $file -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'SecureDeleteHardLinkRefused,*'
        $errs[0].CategoryInfo.Category | Should -Be 'SecurityError'
        $errs[0].ErrorDetails.RecommendedAction | Should -Match '-Force'
        Get-Content -LiteralPath $other | Should -Be 'shared data'

        $result = Remove-SpectraSecureFile -LiteralPath $file -Force -Confirm:$false -WarningAction SilentlyContinue
        $file | Should -Not -Exist
        (Get-Item -LiteralPath $other).Length | Should -Be 0
        $result.Warnings | Should -Match 'other hard link'
    }

    It 'keeps secrets out of its debug output' {
        $hash = '0123456789abcdef0123456789abcdef'
        $file = Join-Path $script:dir "api_hash=$hash.txt"
        Set-Content -LiteralPath $file -Value 'x'
        $debug = Remove-SpectraSecureFile -LiteralPath $file -Confirm:$false -Debug -WarningAction SilentlyContinue 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        @($debug).Count | Should -BeGreaterThan 0
        ($debug.Message -join "`n") | Should -Not -Match $hash
        ($debug.Message -join "`n") | Should -Match '\[REDACTED\]'
        $file | Should -Not -Exist
    }

    It 'has a default table view' {
        Get-FormatData -TypeName 'Spectra.PowerShell.Models.SecureDeleteResult' | Should -Not -BeNullOrEmpty
        $file = Join-Path $script:dir 'v.txt'
        Set-Content -LiteralPath $file -Value 'v'
        $text = Remove-SpectraSecureFile -LiteralPath $file -Confirm:$false | Format-Table | Out-String
        $text | Should -Match 'Verified\s+Passes\s+Size'
    }
}
