namespace Spectra.Core.Storage;

/// <summary>A small extension-to-MIME table for files whose source gave no type (export folders, mostly).</summary>
public static class MimeTypes
{
    private static readonly Dictionary<string, string> s_byExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png", [".gif"] = "image/gif",
        [".webp"] = "image/webp", [".heic"] = "image/heic", [".mp4"] = "video/mp4", [".webm"] = "video/webm",
        [".mov"] = "video/quicktime", [".ogg"] = "audio/ogg", [".oga"] = "audio/ogg", [".mp3"] = "audio/mpeg",
        [".m4a"] = "audio/mp4", [".flac"] = "audio/flac", [".wav"] = "audio/wav", [".pdf"] = "application/pdf",
        [".zip"] = "application/zip", [".txt"] = "text/plain", [".json"] = "application/json",
        [".tgs"] = "application/x-tgsticker", [".vcf"] = "text/vcard",
    };

    public static string? FromFileName(string? name)
    {
        var safe = FileNameSanitizer.Sanitize(name);
        if (safe is null)
        {
            return null;
        }

        var extension = Path.GetExtension(safe);
        return s_byExtension.TryGetValue(extension, out var mime) ? mime : null;
    }
}
