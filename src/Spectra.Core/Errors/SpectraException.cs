namespace Spectra.Core.Errors;

/// <summary>
/// The one exception type the engine lets escape for expected failures (bad input, missing files, refused
/// operations). It carries everything an ErrorRecord needs: a stable id, a category, where the problem is and how
/// to fix it. Messages must never contain secret values; callers pass field names, not contents.
/// </summary>
public class SpectraException : Exception
{
    public SpectraException(string errorId, SpectraErrorCategory category, string message, string? fix = null,
        ErrorLocation? location = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorId);
        ErrorId = errorId;
        Category = category;
        Fix = fix;
        Location = location;
    }

    /// <summary>Stable PascalCase identifier, e.g. <c>ConfigFileNotFound</c>; scripts and tests match on it.</summary>
    public string ErrorId { get; }

    public SpectraErrorCategory Category { get; }

    /// <summary>What the user can do about it.</summary>
    public string? Fix { get; }

    public ErrorLocation? Location { get; }

    /// <summary>The message with its location prefixed, as shown to users.</summary>
    public string DetailedMessage => Location is null ? Message : $"{Location}: {Message}";
}
