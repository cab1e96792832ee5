using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Spectra.Core.Errors;
using Spectra.Core.Hosting;
using Spectra.Core.Storage.Query;

namespace Spectra.Core.Export;

/// <summary>
/// Writes a static site: index.html listing the chats, chats/&lt;id&gt;/page-0001.html... with a fixed number of
/// messages per page and links between pages, media copied to media/&lt;2 hex&gt;/&lt;sha256&gt;.&lt;ext&gt; and linked
/// relatively, so the folder opens from disk or any static host. Every piece of archived text is HTML-escaped; file
/// names in links are generated from hashes, never taken from message data.
/// </summary>
internal sealed class HtmlSiteWriter
{
    private const int ProgressActivity = 32;

    private const string Css = """
        body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 1rem auto; padding: 0 1rem; color: #222; }
        nav { margin: 1rem 0; } nav a, nav span { margin-right: .75rem; }
        .message { border-bottom: 1px solid #ddd; padding: .5rem 0; }
        .meta { color: #666; font-size: .85rem; } .from { font-weight: 600; color: #245; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .25rem 0; }
        .service { color: #666; font-style: italic; text-align: center; }
        .missing { color: #a33; font-size: .85rem; } img { max-width: 100%; max-height: 24rem; display: block; }
        table { border-collapse: collapse; } td, th { padding: .25rem .75rem; border-bottom: 1px solid #ddd; text-align: left; }
        """;

    /// <summary>File types a browser shows, plays or downloads but never runs as a page or script.</summary>
    private static readonly HashSet<string> s_passiveExtensions = new(StringComparer.Ordinal)
    {
        "jpg", "jpeg", "png", "gif", "webp", "bmp", "avif", "heic", "heif", "tif", "tiff", "ico", "tgs", "webm",
        "mp4", "m4v", "mov", "mkv", "avi", "3gp", "mpg", "mpeg", "ogg", "oga", "ogv", "opus", "mp3", "m4a", "aac",
        "flac", "wav", "wma", "pdf", "txt", "csv", "log", "md", "json", "vcf", "vcard", "ics", "zip", "rar", "7z",
        "gz", "tgz", "bz2", "xz", "tar", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf",
        "epub", "fb2", "djvu", "iso", "bin", "dat", "ttf", "otf",
    };

    private readonly ArchiveReader _archive;
    private readonly IHostMessageSink _sink;
    private readonly int _pageSize;
    private readonly Action<SpectraException>? _mediaFailed;

    public HtmlSiteWriter(ArchiveReader archive, IHostMessageSink sink, int pageSize, Action<SpectraException>? mediaFailed)
    {
        _archive = archive;
        _sink = sink;
        _pageSize = Math.Max(1, pageSize);
        _mediaFailed = mediaFailed;
    }

    /// <summary>user123 / chat456 / channel789: distinct for every peer, since bare ids of different kinds can collide.</summary>
    public static string FolderOf(ArchivedPeer peer) => TdesktopMessageWriter.PrefixedId(peer.PeerId);

    public static string PageName(int page) => string.Create(CultureInfo.InvariantCulture, $"page-{page:D4}.html");

    public async Task<IReadOnlyList<ExportedChat>> WriteAsync(string destination, IReadOnlyList<ArchivedPeer> peers,
        Action<ExportedChat>? chatExported, CancellationToken cancellationToken)
    {
        var copier = new MediaCopier(_archive.Media, destination);
        await File.WriteAllTextAsync(Path.Combine(destination, "style.css"), Css, cancellationToken).ConfigureAwait(false);
        var results = new List<ExportedChat>();
        foreach (var peer in peers)
        {
            var chat = await WriteChatAsync(destination, peer, copier, cancellationToken).ConfigureAwait(false);
            results.Add(chat);
            chatExported?.Invoke(chat);
        }

        var index = new StringBuilder();
        Header(index, "Spectra archive", "style.css");
        index.Append("<h1>Spectra archive</h1>\n<table>\n<tr><th>Chat</th><th>Type</th><th>Messages</th><th>Pages</th></tr>\n");
        foreach (var (peer, chat) in peers.Zip(results))
        {
            // The messages written, not peer.MessageCount: that was counted before the export began.
            index.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"chats/{FolderOf(peer)}/{PageName(1)}\">{Escape(peer.DisplayName)}</a></td><td>{Escape(peer.ExportType)}</td><td>{chat.Messages}</td><td>{PageCount(chat.Messages)}</td></tr>\n");
        }

        index.Append("</table>\n</body>\n</html>\n");
        await File.WriteAllTextAsync(Path.Combine(destination, "index.html"), index.ToString(), cancellationToken).ConfigureAwait(false);
        return results;
    }

    private async Task<ExportedChat> WriteChatAsync(string destination, ArchivedPeer peer, MediaCopier copier,
        CancellationToken cancellationToken)
    {
        var folder = Path.Combine(destination, "chats", FolderOf(peer));
        Directory.CreateDirectory(folder);
        var (total, pages) = (peer.MessageCount, 1);
        var page = 0;
        StringBuilder? html = null;
        var onPage = new HashSet<long>();
        long count = 0, files = 0, missing = 0;
        foreach (var message in ExportSource.Messages(_archive, peer.PeerId, n => (total, pages) = (n, PageCount(n))))
        {
            if (html is null || onPage.Count == _pageSize)
            {
                if (html is not null)
                {
                    await FinishPageAsync(folder, html, page, pages, cancellationToken).ConfigureAwait(false);
                }

                page++;
                onPage.Clear();
                html = StartPage(peer, page, pages);
            }

            onPage.Add(message.MessageId);
            var (stored, absent) = await AppendMessageAsync(html, message, onPage, copier, cancellationToken).ConfigureAwait(false);
            files += stored;
            missing += absent;
            count++;
            if (count % 1000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _sink.Progress(new ProgressInfo(ProgressActivity, "Exporting " + peer.DisplayName,
                    $"{count:N0} of {total:N0} messages", (int)Math.Min(100, count * 100 / Math.Max(1, total))));
            }
        }

        html ??= StartPage(peer, ++page, pages);
        await FinishPageAsync(folder, html, page, pages, cancellationToken).ConfigureAwait(false);
        return new ExportedChat(peer.PeerId, peer.DisplayName, "Html", count, files, missing,
            Path.Combine(folder, PageName(1)));
    }

    private int PageCount(long messages) => (int)Math.Max(1, (messages + _pageSize - 1) / _pageSize);

    private StringBuilder StartPage(ArchivedPeer peer, int page, int pages)
    {
        var html = new StringBuilder(64 * 1024);
        Header(html, $"{peer.DisplayName} — page {page}", "../../style.css");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Escape(peer.DisplayName)}</h1>\n");
        Navigation(html, page, pages);
        return html;
    }

    private static async Task FinishPageAsync(string folder, StringBuilder html, int page, int pages, CancellationToken cancellationToken)
    {
        Navigation(html, page, pages);
        html.Append("</body>\n</html>\n");
        await File.WriteAllTextAsync(Path.Combine(folder, PageName(page)), html.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private static void Navigation(StringBuilder html, int page, int pages)
    {
        html.Append("<nav><a href=\"../../index.html\">All chats</a>");
        if (page > 1)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{PageName(1)}\">First</a><a href=\"{PageName(page - 1)}\" rel=\"prev\">Previous</a>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<span>Page {page} of {pages}</span>");
        if (page < pages)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{PageName(page + 1)}\" rel=\"next\">Next</a><a href=\"{PageName(pages)}\">Last</a>");
        }

        html.Append("</nav>\n");
    }

    private async Task<(int Stored, int Missing)> AppendMessageAsync(StringBuilder html, StoredMessage message,
        HashSet<long> onPage, MediaCopier copier, CancellationToken cancellationToken)
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(message.Date).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"message\" id=\"m{message.MessageId}\">\n");
        if (message.Kind == "service")
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<div class=\"service\">{date} UTC · {Isolated(message.SenderName ?? "someone")}: {Isolated(message.ServiceAction ?? "service message")}");
            if (Property(message.ActionJson, "title") is { } title)
            {
                html.Append(" «").Append(Isolated(title)).Append('»');
            }

            html.Append("</div>\n");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<div class=\"meta\"><bdi class=\"from\">{Escape(message.SenderName ?? message.PostAuthor ?? string.Empty)}</bdi> {date} UTC <a href=\"#m{message.MessageId}\">#{message.MessageId}</a>{(message.EditDate is null ? string.Empty : " (edited)")}</div>\n");
            if (message.ForwardedFromName is { } forwarded)
            {
                html.Append("<div class=\"meta\">Forwarded from ").Append(Isolated(forwarded)).Append("</div>\n");
            }

            if (message.ReplyToMessageId is { } reply)
            {
                var target = reply.ToString(CultureInfo.InvariantCulture);
                html.Append(onPage.Contains(reply) && message.ReplyToPeerId is null
                    ? $"<div class=\"meta\">In reply to <a href=\"#m{target}\">#{target}</a></div>\n"
                    : $"<div class=\"meta\">In reply to #{target}</div>\n");
            }

            if (message.ViaBot is { } bot)
            {
                html.Append("<div class=\"meta\">via ").Append(Isolated(bot)).Append("</div>\n");
            }
        }

        if (!string.IsNullOrEmpty(message.Text))
        {
            html.Append("<div class=\"text\">").Append(Escape(message.Text)).Append("</div>\n");
        }

        AppendExtras(html, message.ExtraJson);
        int stored = 0, missing = 0;
        foreach (var media in message.Media)
        {
            var link = media.Sha256 is null ? null : await CopyAsync(media, copier, message, cancellationToken).ConfigureAwait(false);
            if (link is null)
            {
                missing++;
                html.Append(CultureInfo.InvariantCulture,
                    $"<div class=\"missing\">{Escape(media.Kind)} not in the archive{(media.MissingReason is null ? string.Empty : ": " + Isolated(media.MissingReason))}</div>\n");
                continue;
            }

            stored++;
            var label = media.OriginalName ?? media.Kind;
            html.Append(media.Mime?.StartsWith("image/", StringComparison.Ordinal) == true || media.Kind == "photo"
                ? $"<a href=\"{link}\"><img src=\"{link}\" alt=\"{Escape(label)}\" loading=\"lazy\"></a>\n"
                : $"<div><a href=\"{link}\">{Isolated(label)}</a> ({Escape(media.Kind)})</div>\n");
        }

        html.Append("</div>\n");
        return (stored, missing);
    }

    private async Task<string?> CopyAsync(StoredMedia media, MediaCopier copier, StoredMessage message, CancellationToken cancellationToken)
    {
        var relative = $"media/{media.Sha256![..2]}/{media.Sha256}{SafeExtension(media.OriginalName)}";
        try
        {
            return await copier.CopyAsync(media.Sha256, relative, new ErrorLocation(null, 0, $"message {message.MessageId}"), cancellationToken)
                .ConfigureAwait(false) ? "../../" + relative : null;
        }
        catch (SpectraException ex)
        {
            _mediaFailed?.Invoke(ex);
            return null;
        }
    }

    private static void AppendExtras(StringBuilder html, string? extraJson)
    {
        if (extraJson is null)
        {
            return;
        }

        using var document = JsonDocument.Parse(extraJson);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (root.TryGetProperty("poll", out var poll) && poll.ValueKind == JsonValueKind.Object)
        {
            html.Append("<div class=\"text\">Poll: ").Append(Isolated(Str(poll, "question") ?? string.Empty)).Append("<ul>");
            if (poll.TryGetProperty("answers", out var answers) && answers.ValueKind == JsonValueKind.Array)
            {
                foreach (var answer in answers.EnumerateArray())
                {
                    html.Append("<li>").Append(Isolated(Str(answer, "text") ?? string.Empty)).Append(" — ")
                        .Append(answer.TryGetProperty("voters", out var voters) ? Escape(voters.ToString()) : "?").Append("</li>");
                }
            }

            html.Append("</ul></div>\n");
        }

        if (root.TryGetProperty("location_information", out var location) && location.ValueKind == JsonValueKind.Object)
        {
            html.Append("<div class=\"text\">Location: ").Append(Isolated(Str(root, "place_name") ?? string.Empty)).Append(' ')
                .Append(Escape(location.TryGetProperty("latitude", out var lat) ? lat.ToString() : "?")).Append(", ")
                .Append(Escape(location.TryGetProperty("longitude", out var lon) ? lon.ToString() : "?")).Append("</div>\n");
        }

        if (root.TryGetProperty("contact_information", out var contact) && contact.ValueKind == JsonValueKind.Object)
        {
            html.Append("<div class=\"text\">Contact: ").Append(Isolated($"{Str(contact, "first_name")} {Str(contact, "last_name")}".Trim()))
                .Append("</div>\n");
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;

    private static string? Property(string? json, string name)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return Str(document.RootElement, name);
    }

    /// <summary>
    /// The original name's extension when it is one of <see cref="s_passiveExtensions"/>, else none. The extension
    /// decides how a browser (or a static host) treats the copied file: a sent file named *.html or *.svg would be
    /// opened as a page and run its script beside the archive, so a hostile name must not be able to choose one.
    /// </summary>
    private static string SafeExtension(string? originalName)
    {
        var extension = Path.GetExtension(originalName ?? string.Empty).TrimStart('.').ToLowerInvariant();
        return s_passiveExtensions.Contains(extension) ? "." + extension : string.Empty;
    }

    private static void Header(StringBuilder html, string title, string css) =>
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Escape(title))
            .Append("</title>\n<link rel=\"stylesheet\" href=\"").Append(css).Append("\">\n</head>\n<body>\n");

    /// <summary>
    /// HTML-encoded, with control characters (C0 but tab, line feed and carriage return; DEL; C1) shown as U+FFFD:
    /// HTML does not allow them in text, so a page holding one is not valid HTML and browsers differ on what they show.
    /// </summary>
    private static string Escape(string value)
    {
        var encoded = WebUtility.HtmlEncode(value);
        return encoded.AsSpan().IndexOfAnyInRange('\u0000', '\u001F') < 0 && encoded.AsSpan().IndexOfAnyInRange('\u007F', '\u009F') < 0
            ? encoded
            : string.Create(encoded.Length, encoded, static (span, text) =>
            {
                for (var i = 0; i < text.Length; i++)
                {
                    var c = text[i];
                    span[i] = c is '\t' or '\n' or '\r' || !char.IsControl(c) ? c : '\uFFFD';
                }
            });
    }

    /// <summary>
    /// Escaped and in a bdi element: archived text set in a line beside other text. A right-to-left override
    /// (U+202E) in a name otherwise runs on to the end of the line and shows the date, id or label after it reversed.
    /// </summary>
    private static string Isolated(string value) => "<bdi>" + Escape(value) + "</bdi>";
}
