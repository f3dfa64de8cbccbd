using System.Buffers;
using System.Text;
using Tollgate.Shared.Admission;

namespace Tollgate.Reliability.Tests.Admission;

public sealed class AdmissionBodyTextTests
{
    [Theory]
    [InlineData("{\"a\":\"plain\"}")]
    [InlineData("{\"a\":\"caf\u00e9 \u2603 \ud83d\ude00\"}")]
    [InlineData("{\"a\":\"\\ud83d\\ude00 \\u0000 \\n\"}")]
    [InlineData("{not json")]
    public void Problem_ValidText_Null(string body) =>
        Assert.Null(AdmissionBodyText.Problem(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body))));

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    public void Problem_InvalidUtf8InAString_NotValidUtf8(byte[] poison)
    {
        byte[] body = [.. "{\"a\":\"x"u8, .. poison, .. "\"}"u8];

        Assert.Equal("the body is not valid UTF-8", AdmissionBodyText.Problem(new ReadOnlySequence<byte>(body)));
    }

    [Theory]
    [InlineData("{\"a\":\"\\ud800\"}")]
    [InlineData("{\"a\":\"\\udfff\\ud800\"}")]
    [InlineData("{\"\\uDBFF\":1}")]
    public void Problem_UnpairedSurrogateEscape_NotValidText(string body) =>
        Assert.StartsWith("the body holds a string that is not valid text", AdmissionBodyText.Problem(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body))), StringComparison.Ordinal);

    [Fact]
    public void Problem_CharacterAcrossSegments_Null()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"a\":\"\u2603\"}");
        var split = Array.IndexOf(bytes, (byte)0xE2) + 1;

        Assert.Null(AdmissionBodyText.Problem(Segments(bytes[..split], bytes[split..])));
    }

    private static ReadOnlySequence<byte> Segments(byte[] first, byte[] second)
    {
        var head = new Segment(first, 0);
        var tail = head.Append(second);
        return new ReadOnlySequence<byte>(head, 0, tail, second.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
