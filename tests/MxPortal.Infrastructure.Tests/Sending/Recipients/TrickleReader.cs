namespace MxPortal.Infrastructure.Tests.Sending.Recipients;

/// <summary>Hands over one character per read, as a slow upload might, so every buffer boundary is crossed.</summary>
internal sealed class TrickleReader(string text) : TextReader
{
    private int pos;

    public override int Peek() => pos < text.Length ? text[pos] : -1;

    public override int Read() => pos < text.Length ? text[pos++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        if (pos == text.Length || count == 0) return 0;
        buffer[index] = text[pos++];
        return 1;
    }
}
