namespace Spectra.Telegram.Client;

/// <summary>Where one DC listens.</summary>
public sealed record DcEndpoint(int DcId, string Host, int Port);
