using Spectra.Core.Configuration;

namespace Spectra.Core.Tests.Configuration;

internal static class FindingAssertions
{
    public static ConfigFinding Single(IEnumerable<ConfigFinding> findings, ConfigCheck check, FindingStatus status, string field)
    {
        var matches = findings.Where(f => f.Check == check && f.Status == status && f.Field == field).ToList();
        Assert.True(matches.Count == 1,
            $"expected one {status} {check} finding for '{field}', got {matches.Count}. All: " + string.Join(" | ", findings.Select(f => $"{f.Status} {f.Check} {f.Field}")));
        return matches[0];
    }

    public static void None(IEnumerable<ConfigFinding> findings, ConfigCheck check, string field) =>
        Assert.DoesNotContain(findings, f => f.Check == check && f.Field == field && f.Status != FindingStatus.Pass);

    public static void NoFailures(IEnumerable<ConfigFinding> findings) =>
        Assert.True(ConfigValidator.Passed(findings),
            "unexpected failures: " + string.Join(" | ", findings.Where(f => f.Status == FindingStatus.Fail).Select(f => $"{f.Check} {f.Field}: {f.Message}")));
}
