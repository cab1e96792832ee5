namespace Spectra.Telegram.Rpc;

/// <summary>*_MIGRATE_X (303): repeat the call on DC <see cref="DcId"/> (PHONE/USER/NETWORK move the home DC, FILE only the download).</summary>
public sealed class MigrateException : RpcException
{
    internal static readonly string[] Kinds = ["PHONE", "USER", "NETWORK", "FILE", "STATS"];

    public MigrateException(int code, string errorMessage, string kind, int dcId)
        : base(code, errorMessage)
    {
        Kind = kind;
        DcId = dcId;
    }

    /// <summary>PHONE, USER, NETWORK, FILE or STATS.</summary>
    public string Kind { get; }

    public int DcId { get; }

    /// <summary>True when the account's home DC changes (not for FILE or STATS).</summary>
    public bool MovesHomeDc => Kind is "PHONE" or "USER" or "NETWORK";
}
