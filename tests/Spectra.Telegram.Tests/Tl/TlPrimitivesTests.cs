using Spectra.Telegram.Tl;

namespace Spectra.Telegram.Tests.Tl;

public class TlPrimitivesTests
{
    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 4)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(253, 256)]
    [InlineData(254, 260)]
    [InlineData(1000, 1004)]
    public void WriteBytes_PadsToFourWithTheRightHeader(int length, int expectedSize)
    {
        var writer = new TlWriter();
        var payload = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        writer.WriteBytes(payload);

        Assert.Equal(expectedSize, writer.Length);
        Assert.Equal(payload, new TlReader(writer.ToArray()).ReadBytes());
    }

    [Fact]
    public void ReadBytes_LengthBeyondData_ThrowsTlException()
    {
        var data = new byte[] { 254, 0xff, 0xff, 0x0f, 1, 2, 3, 4 };
        Assert.Throws<TlException>(() => new TlReader(data).ReadBytes());
    }

    [Fact]
    public void ReadVectorHeader_HugeCount_ThrowsBeforeAllocating()
    {
        var writer = new TlWriter();
        writer.WriteVectorHeader(int.MaxValue);
        Assert.Throws<TlException>(() => new TlReader(writer.ToArray()).ReadVectorHeader());
    }

    [Fact]
    public void ReadBool_UnknownId_NamesTheConstructor()
    {
        var writer = new TlWriter();
        writer.WriteUInt(0xdeadbeef);
        var ex = Assert.Throws<UnknownConstructorException>(() => new TlReader(writer.ToArray()).ReadBool());
        Assert.Equal(0xdeadbeefu, ex.ConstructorId);
        Assert.Contains("0xdeadbeef", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Primitives_RoundTripLittleEndian()
    {
        var writer = new TlWriter();
        writer.WriteInt(-2);
        writer.WriteLong(0x0102030405060708);
        writer.WriteString("héllo");
        writer.WriteBool(true);
        var bytes = writer.ToArray();

        Assert.Equal(new byte[] { 0xfe, 0xff, 0xff, 0xff }, bytes[..4]);
        Assert.Equal(new byte[] { 8, 7, 6, 5, 4, 3, 2, 1 }, bytes[4..12]);
        var reader = new TlReader(bytes);
        Assert.Equal(-2, reader.ReadInt());
        Assert.Equal(0x0102030405060708, reader.ReadLong());
        Assert.Equal("héllo", reader.ReadString());
        Assert.True(reader.ReadBool());
        Assert.Equal(0, reader.Remaining);
    }
}
