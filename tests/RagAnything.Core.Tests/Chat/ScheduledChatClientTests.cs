using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Chat;
using RagAnything.Core.Tests.TestDoubles;
using RagAnything.Resilience;

namespace RagAnything.Core.Tests.Chat;

public sealed class ScheduledChatClientTests
{
    [Fact]
    public async Task RateLimitedTwice_SucceedsOnThirdAttempt()
    {
        var inner = new FlakyChatClient(
            new RateLimitedException("Rate limited.", retryAfter: null),
            new HttpRequestException("Service unavailable", null, HttpStatusCode.ServiceUnavailable));
        await using var services = Create();
        var client = Wrap(services, inner);

        var response = await client.GetResponseAsync("hello");

        Assert.Equal("ok", response.Text);
        Assert.Equal(3, inner.Attempts);
    }

    [Fact]
    public async Task PermanentError_FailsAfterOneAttempt()
    {
        var inner = new FlakyChatClient(new HttpRequestException("Unauthorized", null, HttpStatusCode.Unauthorized));
        await using var services = Create();
        var client = Wrap(services, inner);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync("hello"));

        Assert.Equal(1, inner.Attempts);
    }

    [Fact]
    public async Task PriorityProperty_RemovedBeforeInnerClient()
    {
        var inner = new FlakyChatClient();
        await using var services = Create();
        var client = Wrap(services, inner);
        var options = new ChatOptions { AdditionalProperties = new() { [ChatPriorityScope.PropertyName] = "query", ["other"] = 1 } };

        await client.GetResponseAsync("hello", options);

        var received = Assert.Single(inner.ReceivedOptions);
        Assert.False(received!.AdditionalProperties!.ContainsKey(ChatPriorityScope.PropertyName));
        Assert.True(received.AdditionalProperties.ContainsKey("other"));
        Assert.True(options.AdditionalProperties.ContainsKey(ChatPriorityScope.PropertyName), "The caller's options were changed.");
    }

    [Fact]
    public void Wrap_ReturnsOneWrapperAndNeverWrapsTwice()
    {
        var inner = new FlakyChatClient();
        using var services = Create();
        var scheduling = services.GetRequiredService<ChatClientScheduling>();

        var first = scheduling.Wrap(inner);
        var second = scheduling.Wrap(inner);

        Assert.Same(first, second);
        Assert.Same(first, scheduling.Wrap(first));
        Assert.Null(scheduling.Wrap(null));
    }

    [Fact]
    public void PriorityScope_ResolvesPropertyThenScopeThenIngest()
    {
        Assert.Equal(ChatPriority.Ingest, ChatPriorityScope.Resolve(null));
        using (ChatPriorityScope.Enter(ChatPriority.Query))
        {
            Assert.Equal(ChatPriority.Query, ChatPriorityScope.Resolve(null));
            var ingest = new ChatOptions { AdditionalProperties = new() { [ChatPriorityScope.PropertyName] = "ingest" } };
            Assert.Equal(ChatPriority.Ingest, ChatPriorityScope.Resolve(ingest));
        }

        Assert.Null(ChatPriorityScope.Current);
    }

    private static ServiceProvider Create() => TestServices.Create(configureServices: services => services.Configure<ResilienceOptions>(options =>
    {
        options.Chat.BaseDelay = TimeSpan.Zero;
        options.Chat.UseJitter = false;
    }));

    private static IChatClient Wrap(IServiceProvider services, IChatClient inner)
        => services.GetRequiredService<ChatClientScheduling>().Wrap(inner)!;
}
