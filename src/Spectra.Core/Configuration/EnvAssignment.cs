namespace Spectra.Core.Configuration;

/// <summary>
/// One value an environment variable (or .env line) sets. <see cref="EveryAccount"/> marks TG_API_ID/TG_API_HASH,
/// which apply to every account (one Telegram app serves all of a user's accounts).
/// </summary>
internal sealed record EnvAssignment(IReadOnlyList<object> Segments, string RawValue, ValueOrigin Origin, bool EveryAccount = false);
