using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RagAnything.Caching;
using RagAnything.Core.Tests.TestDoubles;

namespace RagAnything.Core.Tests.Caching;

public sealed class ChatResponseCacheLayerTests
{
    [Fact]
    public async Task SamePrompt_CallsModelOnce()
    {
        using var registry = new CacheRegistry(Options.Create(new CacheOptions()), TimeProvider.System);
        var inner = new RecordingChatClient("cached answer");
        using var client = new ChatResponseCacheLayer(inner, registry);

        var first = await client.GetResponseAsync("What do owls eat?");
        var second = await client.GetResponseAsync("What do owls eat?");

        Assert.Equal("cached answer", first.Text);
        Assert.Equal("cached answer", second.Text);
        Assert.Single(inner.Requests);
        var layer = registry.GetSnapshot().Single(snapshot => snapshot.Layer == CacheLayer.Chat);
        Assert.Equal(1, layer.Hits);
        Assert.Equal(1, layer.Misses);
    }

    [Fact]
    public async Task OtherOptionsOrPrompt_CallModelAgain()
    {
        using var registry = new CacheRegistry(Options.Create(new CacheOptions()), TimeProvider.System);
        var inner = new RecordingChatClient("answer");
        using var client = new ChatResponseCacheLayer(inner, registry);

        await client.GetResponseAsync("What do owls eat?");
        await client.GetResponseAsync("What do owls eat?", new ChatOptions { Temperature = 0.5f });
        await client.GetResponseAsync("What do owls hunt?");
        await client.GetResponseAsync([new ChatMessage(ChatRole.System, "What do owls eat?")]);

        Assert.Equal(4, inner.Requests.Count);
    }

    [Fact]
    public async Task DisabledLayer_CallsModelEveryTime()
    {
        var options = new CacheOptions();
        options.Chat.Enabled = false;
        using var registry = new CacheRegistry(Options.Create(options), TimeProvider.System);
        var inner = new RecordingChatClient("answer");
        using var client = new ChatResponseCacheLayer(inner, registry);

        await client.GetResponseAsync("What do owls eat?");
        await client.GetResponseAsync("What do owls eat?");

        Assert.Equal(2, inner.Requests.Count);
    }
}
