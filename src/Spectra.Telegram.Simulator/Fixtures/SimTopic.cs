namespace Spectra.Telegram.Simulator.Fixtures;

/// <summary>A forum topic, identified by the id of its creating service message.</summary>
public sealed class SimTopic
{
    public required int Id { get; init; }

    public required string Title { get; init; }

    public int TopMessage { get; init; }
}
