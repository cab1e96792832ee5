namespace Spectra.Telegram.Simulator.Api;

/// <summary>Serves the API methods (everything that is not an MTProto service message) of a simulated DC.</summary>
public interface IApiHandler
{
    Task<ApiOutcome> HandleAsync(ApiCall call, CancellationToken cancellationToken);
}
