using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;
using Spectra.Core.Security;

namespace Spectra.Core.Logging;

/// <summary>
/// Wraps the real sinks and hands them a cleaned copy of each event: secret-named properties and secret values become
/// the marker, every string property and the template text go through <see cref="Redactor"/>, and the exception is
/// replaced by a <see cref="RedactedException"/>. With <c>patterns: false</c> only the structured rules apply.
/// </summary>
public sealed class RedactingSink : ILogEventSink, IDisposable
{
    private static readonly ScalarValue Redacted = new(RedactedMarker.Instance);
    private static readonly MessageTemplateParser Parser = new();
    private const int TemplateCacheLimit = 1000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, MessageTemplate> _templates = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _secretNames = new(StringComparer.Ordinal);
    private readonly ILogEventSink _inner;
    private readonly bool _patterns;

    public RedactingSink(ILogEventSink inner, bool patterns = true)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _patterns = patterns;
    }

    public void Emit(LogEvent logEvent) => _inner.Emit(Clean(logEvent));

    public void Dispose() => (_inner as IDisposable)?.Dispose();

    /// <summary>Returns the event itself when nothing in it needed redacting (the common case), else a cleaned copy.</summary>
    internal LogEvent Clean(LogEvent logEvent)
    {
        var template = _patterns ? CleanTemplate(logEvent.MessageTemplate) : logEvent.MessageTemplate;
        LogEventProperty[]? properties = null;
        var index = 0;
        foreach (var (name, value) in logEvent.Properties)
        {
            var cleaned = IsSecretName(name) ? Redacted : Clean(value);
            if (properties is null && !ReferenceEquals(cleaned, value))
            {
                properties = new LogEventProperty[logEvent.Properties.Count];
                var copied = 0;
                foreach (var (earlierName, earlierValue) in logEvent.Properties)
                {
                    if (copied == index)
                    {
                        break;
                    }

                    properties[copied++] = new LogEventProperty(earlierName, earlierValue);
                }
            }

            if (properties is not null)
            {
                properties[index] = new LogEventProperty(name, cleaned);
            }

            index++;
        }

        var exception = logEvent.Exception is null or RedactedException ? logEvent.Exception : new RedactedException(logEvent.Exception);
        if (properties is null && ReferenceEquals(template, logEvent.MessageTemplate) && ReferenceEquals(exception, logEvent.Exception))
        {
            return logEvent;
        }

        return new LogEvent(logEvent.Timestamp, logEvent.Level, exception, template,
            properties ?? logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)),
            logEvent.TraceId ?? default, logEvent.SpanId ?? default);
    }

    /// <summary>Property names come from templates and types, a small fixed set; classify each once.</summary>
    private bool IsSecretName(string name)
    {
        if (_secretNames.TryGetValue(name, out var secret))
        {
            return secret;
        }

        secret = SecretNames.IsSecret(name);
        if (_secretNames.Count < TemplateCacheLimit)
        {
            _secretNames[name] = secret;
        }

        return secret;
    }

    /// <summary>Templates repeat (they are source-code constants), so each is redacted once and remembered.</summary>
    private MessageTemplate CleanTemplate(MessageTemplate template)
    {
        if (_templates.TryGetValue(template.Text, out var cached))
        {
            return cached;
        }

        var text = Redactor.Redact(template.Text);
        var cleaned = text == template.Text ? template : Parser.Parse(text);
        if (_templates.Count >= TemplateCacheLimit)
        {
            // Templates built by concatenating data defeat the cache; start over rather than grow without bound.
            _templates.Clear();
        }

        _templates[template.Text] = cleaned;
        return cleaned;
    }

    private LogEventPropertyValue Clean(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: SecretValue }:
                return Redacted;
            case ScalarValue { Value: string s } when _patterns:
                var redacted = Redactor.Redact(s);
                return ReferenceEquals(redacted, s) || redacted == s ? value : new ScalarValue(redacted);
            case ScalarValue { Value: not null and not string } scalar when _patterns && scalar.Value is not RedactedMarker && !IsPrimitive(scalar.Value):
                // Unknown types render through ToString at output time; redact that text now.
                var rendered = scalar.Value.ToString() ?? string.Empty;
                var cleaned = Redactor.Redact(rendered);
                return cleaned == rendered ? value : new ScalarValue(cleaned);
            case StructureValue structure:
                var fields = structure.Properties.Select(p => new LogEventProperty(p.Name, IsSecretName(p.Name) ? Redacted : Clean(p.Value))).ToList();
                return fields.Zip(structure.Properties).All(f => ReferenceEquals(f.First.Value, f.Second.Value))
                    ? value
                    : new StructureValue(fields, structure.TypeTag);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Clean).ToList();
                return elements.Zip(sequence.Elements).All(e => ReferenceEquals(e.First, e.Second)) ? value : new SequenceValue(elements);
            case DictionaryValue dictionary:
                var entries = dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(
                    e.Key, e.Key.Value is string key && IsSecretName(key) ? Redacted : Clean(e.Value))).ToList();
                return entries.Zip(dictionary.Elements).All(e => ReferenceEquals(e.First.Value, e.Second.Value)) ? value : new DictionaryValue(entries);
            default:
                return value;
        }
    }

    private static bool IsPrimitive(object value) =>
        value is bool or char or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
            or DateTime or DateTimeOffset or TimeSpan or Guid or Enum or DateOnly or TimeOnly;
}
