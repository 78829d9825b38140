using System.Globalization;
using System.Net;
using Microsoft.Extensions.AI;
using RagAnything.Resilience;

namespace RagAnything.Benchmarks.Chat;

/// <summary>
/// A chat model with a fixed latency that serves at most <c>capacity</c> calls at once and queues the rest, like a
/// model server with a fixed number of slots. It can answer a share of calls with HTTP 429 and a Retry-After hint.
/// </summary>
/// <remarks>Each answer is one entity and one relation in the delimited extraction format, named after the prompt's hash.</remarks>
internal sealed class FakeChatModel(int capacity, TimeSpan latency) : IChatClient
{
    private readonly SemaphoreSlim _slots = new(capacity, capacity);
    private readonly Random _random = new(23);
    private int _inFlight;
    private long _calls;
    private long _rejected;

    public int Capacity { get; } = capacity;

    /// <summary>Gets the number of calls being served now (holding one of the model's slots).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public long Calls => Interlocked.Read(ref _calls);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Gets or sets the share of calls, from 0 to 1, answered with HTTP 429.</summary>
    public double RejectionRate { get; set; }

    /// <summary>Gets or sets the Retry-After sent with each 429.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        if (ShouldReject())
        {
            Interlocked.Increment(ref _rejected);
            var exception = new HttpRequestException("Too many requests.", null, HttpStatusCode.TooManyRequests);
            exception.Data[RetryAfterHint.DataKey] = RetryAfter;
            throw exception;
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _inFlight);
        try
        {
            await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            _slots.Release();
        }

        var prompt = string.Join('\n', messages.Select(message => message.Text));
        var name = "Topic " + ((uint)prompt.GetHashCode(StringComparison.Ordinal) % 500).ToString(CultureInfo.InvariantCulture);
        var text = $"entity<|>{name}<|>concept<|>A subject the report discusses.\n" +
                   $"entity<|>Town Council<|>organization<|>The council named in the reports.\n" +
                   $"relation<|>{name}<|>Town Council<|>oversight<|>The council oversees this subject.<|>5";
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The benchmark's pipeline makes no streaming calls.");

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", defaultModelId: "fake-fixed-latency") : null;

    public void Dispose() => _slots.Dispose();

    private bool ShouldReject()
    {
        if (RejectionRate <= 0)
        {
            return false;
        }

        lock (_random)
        {
            return _random.NextDouble() < RejectionRate;
        }
    }
}
