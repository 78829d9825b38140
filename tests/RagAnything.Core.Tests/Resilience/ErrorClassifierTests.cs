using System.Net;
using System.Net.Sockets;
using Polly.Timeout;
using RagAnything.Errors;
using RagAnything.Resilience;

namespace RagAnything.Core.Tests.Resilience;

public sealed class ErrorClassifierTests
{
    public static TheoryData<Exception, ErrorCategory> Cases => new()
    {
        { new HttpRequestException("429", null, HttpStatusCode.TooManyRequests), ErrorCategory.Transient },
        { new HttpRequestException("503", null, HttpStatusCode.ServiceUnavailable), ErrorCategory.Transient },
        { new HttpRequestException("500", null, HttpStatusCode.InternalServerError), ErrorCategory.Transient },
        { new HttpRequestException("408", null, HttpStatusCode.RequestTimeout), ErrorCategory.Timeout },
        { new HttpRequestException("400", null, HttpStatusCode.BadRequest), ErrorCategory.Validation },
        { new HttpRequestException("401", null, HttpStatusCode.Unauthorized), ErrorCategory.Permanent },
        { new HttpRequestException(HttpRequestError.ConnectionError, "refused"), ErrorCategory.Network },
        { new TaskCanceledException("timed out"), ErrorCategory.Timeout },
        { new TimeoutException(), ErrorCategory.Timeout },
        { new TimeoutRejectedException(), ErrorCategory.Timeout },
        { new SocketException((int)SocketError.ConnectionReset), ErrorCategory.Network },
        { new OutOfMemoryException(), ErrorCategory.Resource },
        { new IOException("No space left on device", 28), ErrorCategory.Resource },
        { new IOException("There is not enough space on the disk.", unchecked((int)0x80070070)), ErrorCategory.Resource },
        { new IOException("Sharing violation"), ErrorCategory.Transient },
        { new InvalidDataException("corrupt"), ErrorCategory.Permanent },
        { new ArgumentException("bad"), ErrorCategory.Validation },
        { new RagAnythingException(ErrorCategory.Network, "down"), ErrorCategory.Network },
        { new RateLimitedException("slow down", TimeSpan.FromSeconds(1)), ErrorCategory.Transient },
        { new InvalidOperationException("unknown"), ErrorCategory.Permanent },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_MapsException(Exception exception, ErrorCategory expected)
    {
        Assert.Equal(expected, ErrorClassifier.Classify(exception));
    }

    [Fact]
    public void RetryAfter_ReadsSecondsDateAndException()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var seconds = new HttpRequestException("429");
        seconds.Data[RetryAfterHint.DataKey] = "3";
        var date = new HttpRequestException("429");
        date.Data[RetryAfterHint.DataKey] = now.AddSeconds(7);

        Assert.True(RetryAfterHint.TryGet(seconds, now, out var fromSeconds));
        Assert.Equal(TimeSpan.FromSeconds(3), fromSeconds);
        Assert.True(RetryAfterHint.TryGet(date, now, out var fromDate));
        Assert.Equal(TimeSpan.FromSeconds(7), fromDate);
        Assert.True(RetryAfterHint.TryGet(new Exception("outer", new RateLimitedException("inner", TimeSpan.FromSeconds(2))), now, out var fromInner));
        Assert.Equal(TimeSpan.FromSeconds(2), fromInner);
        Assert.False(RetryAfterHint.TryGet(new HttpRequestException("429"), now, out _));
    }

    [Fact]
    public void RetryAfter_CapsAtFiveMinutes()
    {
        Assert.True(RetryAfterHint.TryGet(new RateLimitedException("slow down", TimeSpan.FromHours(2)), DateTimeOffset.UnixEpoch, out var wait));
        Assert.Equal(TimeSpan.FromMinutes(5), wait);
    }
}
