namespace Spectra.Telegram.Simulator.Fixtures;

/// <summary>A broadcast channel (or forum) with its messages, oldest first.</summary>
public sealed class SimChannel
{
    public required long Id { get; init; }

    public long AccessHash { get; init; } = 0x5eed;

    public required string Username { get; init; }

    public string Title { get; init; } = "Channel";

    public string About { get; init; } = "";

    /// <summary>Private invite hash (t.me/+hash); the fixture's account counts as a member.</summary>
    public string? InviteHash { get; init; }

    public bool Forum { get; init; }

    public List<SimMessage> Messages { get; init; } = [];

    public List<SimTopic> Topics { get; init; } = [];
}
