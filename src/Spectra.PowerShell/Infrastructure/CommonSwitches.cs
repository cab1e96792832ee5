using System.Management.Automation;

namespace Spectra.PowerShell.Infrastructure;

/// <summary>How the caller set the common switches (-Debug, -Verbose, -WhatIf) of a running cmdlet.</summary>
internal static class CommonSwitches
{
    /// <summary>True for -Name or -Name:$true; false when absent or given as -Name:$false.</summary>
    public static bool IsOn(PSCmdlet cmdlet, string name) =>
        cmdlet.MyInvocation?.BoundParameters.TryGetValue(name, out var value) == true && value is SwitchParameter { IsPresent: true };

    /// <summary>True when the caller gave the switch at all, on or off.</summary>
    public static bool IsGiven(PSCmdlet cmdlet, string name) =>
        cmdlet.MyInvocation?.BoundParameters.ContainsKey(name) == true;
}
