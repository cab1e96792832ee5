namespace Spectra.Core.Errors;

/// <summary>Where bad input was found: a file, a 1-based line (0 when unknown) and a field path such as <c>accounts[0].api_hash</c>.</summary>
public sealed record ErrorLocation(string? File, int Line = 0, string? Field = null)
{
    public override string ToString()
    {
        var parts = new List<string>(3);
        if (!string.IsNullOrEmpty(File))
        {
            parts.Add(Line > 0 ? FormattableString.Invariant($"{File}:{Line}") : File);
        }

        if (!string.IsNullOrEmpty(Field))
        {
            parts.Add("field " + Field);
        }

        return string.Join(", ", parts);
    }
}
