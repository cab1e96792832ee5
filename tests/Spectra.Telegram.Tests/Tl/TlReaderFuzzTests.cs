using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Mtproto;
using Api = Spectra.Telegram.Tl.Api;

namespace Spectra.Telegram.Tests.Tl;

/// <summary>
/// Property tests: random buffers and mutations of valid objects fed to the generated readers fail with
/// TlException only (never another exception type), always terminate, and allocate in proportion to the input.
/// </summary>
public class TlReaderFuzzTests
{
    private static readonly Func<TlReader, object>[] s_readers =
    {
        static r => Api.ApiSchema.ReadObject(r),
        static r => Api.ApiSchema.ReadMethod(r),
        static r => Api.Messages_MessagesBase.ReadBoxed(r),
        static r => Api.Messages_ChatFull.ReadBoxed(r),
        static r => MtprotoSchema.ReadObject(r),
        static r => new Api.Users_GetUsersRequest().ReadResult(r),
        static r => MsgContainer.ReadBare(r),
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MutatedObjects_FailOnlyWithTlException(int seed)
    {
        var random = new Random(seed);
        var corpus = TlSamples.Corpus();
        var ids = Api.ApiSchema.ConstructorIds;
        for (var i = 0; i < 4000; i++)
        {
            var data = (byte[])corpus[random.Next(corpus.Count)].Clone();
            var mutations = 1 + random.Next(4);
            for (var m = 0; m < mutations; m++)
            {
                Mutate(data, random, ids);
            }

            if (random.Next(4) == 0)
            {
                data = data[..random.Next(data.Length + 1)];
            }

            ReadEverywhere(data);
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    public void RandomBuffers_FailOnlyWithTlException(int seed)
    {
        var random = new Random(seed);
        var ids = Api.ApiSchema.ConstructorIds;
        for (var i = 0; i < 4000; i++)
        {
            var data = new byte[random.Next(0, 512)];
            random.NextBytes(data);
            if (data.Length >= 4 && random.Next(2) == 0)
            {
                // Start with a real constructor id so the reader goes deeper than the first dispatch.
                BitConverter.TryWriteBytes(data.AsSpan(0, 4), ids[random.Next(ids.Count)]);
            }

            ReadEverywhere(data);
        }
    }

    [Fact]
    public void MutatedObjects_AllocateInProportionToTheirSize()
    {
        var random = new Random(99);
        var corpus = TlSamples.Corpus();
        var ids = Api.ApiSchema.ConstructorIds;
        for (var i = 0; i < 3000; i++)
        {
            var data = (byte[])corpus[random.Next(corpus.Count)].Clone();
            Mutate(data, random, ids);
            var before = GC.GetAllocatedBytesForCurrentThread();
            ReadEverywhere(data);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < (s_readers.Length * ((256L * data.Length) + (64 * 1024))), $"{allocated} bytes allocated reading {data.Length} bytes");
        }
    }

    private static void ReadEverywhere(byte[] data)
    {
        foreach (var read in s_readers)
        {
            try
            {
                read(new TlReader(data));
            }
            catch (TlException)
            {
            }
            catch (Exception ex)
            {
                Assert.Fail($"{ex.GetType().Name} instead of TlException for {Convert.ToHexString(data)}: {ex}");
            }
        }
    }

    private static void Mutate(byte[] data, Random random, IReadOnlyList<uint> ids)
    {
        if (data.Length < 4)
        {
            return;
        }

        var at = random.Next(data.Length - 3) & ~3;
        switch (random.Next(6))
        {
            case 0:
                data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                data[random.Next(data.Length)] = (byte)random.Next(256);
                break;
            case 2:
                // Swap in another constructor id: the rest of the body now means something else.
                BitConverter.TryWriteBytes(data.AsSpan(at, 4), ids[random.Next(ids.Count)]);
                break;
            case 3:
                // Implausible lengths and counts.
                BitConverter.TryWriteBytes(data.AsSpan(at, 4), random.Next(2) == 0 ? int.MaxValue : random.Next(-5, 5000));
                break;
            case 4:
                data[at] = 254;
                data[at + 1] = 0xff;
                data[at + 2] = 0xff;
                data[at + 3] = (byte)random.Next(256);
                break;
            default:
                BitConverter.TryWriteBytes(data.AsSpan(at, 4), random.Next(2) == 0 ? TlConstructors.Vector : TlConstructors.GzipPacked);
                break;
        }
    }
}
