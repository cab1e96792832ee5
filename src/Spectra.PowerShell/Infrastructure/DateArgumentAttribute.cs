using System.Management.Automation;

namespace Spectra.PowerShell.Infrastructure;

/// <summary>
/// Lets a DateTime parameter (-After, -Before) take a DateTimeOffset, which is what this module's own objects carry
/// (a message's Date, a run's StartTime): PowerShell does not convert one into the other and refused
/// <c>-After $message.Date</c>. The offset becomes its UTC instant (Kind Utc), so no local-time reading shifts it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class DateArgumentAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapper ? wrapper.BaseObject : inputData) is DateTimeOffset offset ? offset.UtcDateTime : inputData;
}
