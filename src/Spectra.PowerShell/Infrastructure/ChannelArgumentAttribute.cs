using System.Globalization;
using System.Management.Automation;

namespace Spectra.PowerShell.Infrastructure;

/// <summary>
/// Turns an object that names a chat (a channel, message, search hit or import summary: anything with a PeerId or
/// ChannelId) into that id, for -Channel parameters that also take plain strings from the pipeline. Without it
/// PowerShell binds such an object by value first, converted to a string: its type name, which names no chat.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ChannelArgumentAttribute : ArgumentTransformationAttribute
{
    private static readonly string[] s_idProperties = ["PeerId", "ChannelId"];

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => inputData switch
    {
        null => null,
        object[] many => Array.ConvertAll(many, One),
        _ => One(inputData),
    };

    private static object? One(object? value)
    {
        var unwrapped = value is PSObject wrapper ? wrapper.BaseObject : value;
        if (unwrapped is null or string || unwrapped.GetType().IsPrimitive)
        {
            return value;
        }

        var properties = PSObject.AsPSObject(value).Properties;
        foreach (var name in s_idProperties)
        {
            if (properties[name]?.Value is { } id)
            {
                return Convert.ToString(id, CultureInfo.InvariantCulture);
            }
        }

        return value;
    }
}
