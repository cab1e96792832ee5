namespace Spectra.Telegram.Mtproto;

/// <summary>A sent request awaiting its answer: the body (to re-send under a new msg_id) and the caller's task.</summary>
internal sealed class PendingRequest
{
    public PendingRequest(byte[] body, bool contentRelated)
    {
        Body = body;
        ContentRelated = contentRelated;
    }

    public byte[] Body { get; }

    public bool ContentRelated { get; }

    public long MessageId { get; set; }

    /// <summary>The msg_container it travelled in, so a rejection of the container re-sends it too.</summary>
    public long ContainerId { get; set; }

    public int Resends { get; set; }

    public TaskCompletionSource<byte[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
