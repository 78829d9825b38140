using Microsoft.Extensions.AI;
using RagAnything.Errors;
using RagAnything.OpenAI.Tests.Stub;
using RagAnything.OpenAI.Tests.TestDoubles;

namespace RagAnything.OpenAI.Tests;

public sealed class OpenAIEmbeddingTests
{
    [Fact]
    public async Task Generate_ReturnsServerVectorsInOrder()
    {
        await using var server = await OpenAIStubServer.StartAsync();
        await using var services = StubClients.Create(server);
        string[] inputs = ["night train to Lisbon", "bread from Porto"];

        var embeddings = await services.Embeddings().GenerateAsync(inputs);

        Assert.Equal(2, embeddings.Count);
        for (var index = 0; index < inputs.Length; index++)
        {
            var expected = WordHashVectors.Embed(inputs[index], OpenAIStubServer.EmbeddingDimensions);
            Assert.Equal(expected, embeddings[index].Vector.ToArray());
        }

        Assert.Equal(1, server.EmbeddingRequestCount);
    }

    [Fact]
    public async Task RateLimit_IsRetried()
    {
        await using var server = await OpenAIStubServer.StartAsync();
        server.Script.Enqueue(StubReply.Error(429, retryAfter: "0"));
        await using var services = StubClients.Create(server, embeddings: options => options.MaxRetries = 1);

        var embeddings = await services.Embeddings().GenerateAsync(["one"]);

        Assert.Single(embeddings);
        Assert.Equal(2, server.EmbeddingRequestCount);
    }

    [Fact]
    public async Task ServerError_WithoutRetries_ThrowsTransient()
    {
        await using var server = await OpenAIStubServer.StartAsync();
        server.Script.Enqueue(StubReply.Error(503));
        await using var services = StubClients.Create(server, embeddings: options => options.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<RagAnythingException>(() => services.Embeddings().GenerateAsync(["one"]));

        Assert.Equal(ErrorCategory.Transient, error.Category);
        Assert.Contains("stub-embed", error.Message, StringComparison.Ordinal);
    }
}
