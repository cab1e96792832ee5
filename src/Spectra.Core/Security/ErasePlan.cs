namespace Spectra.Core.Security;

/// <summary>
/// The pass sequence: random last (so the final content is unpredictable and verifiable only by us), 0x00 and 0xFF
/// alternating before it, which flips every bit at least once when there are three or more passes.
/// </summary>
public static class ErasePlan
{
    public static IReadOnlyList<ErasePattern> For(int passes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(passes, SecureEraseOptions.MaxPasses);
        var plan = new ErasePattern[passes];
        for (var i = 0; i < passes - 1; i++)
        {
            plan[i] = i % 2 == 0 ? ErasePattern.Zeros : ErasePattern.Ones;
        }

        plan[^1] = ErasePattern.Random;
        return plan;
    }
}
