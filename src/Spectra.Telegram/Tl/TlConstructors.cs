namespace Spectra.Telegram.Tl;

/// <summary>Constructor ids that the primitives themselves need (the generated code knows all the others).</summary>
public static class TlConstructors
{
    public const uint Vector = 0x1cb5c415;
    public const uint BoolTrue = 0x997275b5;
    public const uint BoolFalse = 0xbc799737;
    public const uint GzipPacked = 0x3072cfa1;
}
