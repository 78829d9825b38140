using Microsoft.Extensions.DependencyInjection;
using RagAnything.Hosting.Tests.TestDoubles;

namespace RagAnything.Hosting.Tests.Infrastructure;

/// <summary>How a test server is built: its data folder, options, embedding model and socket buffers.</summary>
internal sealed record ServerSettings
{
    public required string DataFolder { get; init; }

    public Action<RagAnythingHostingOptions>? Configure { get; init; }

    /// <summary>Gets whether the real ONNX model is used instead of <see cref="Embeddings"/>.</summary>
    public bool UseOnnxModel { get; init; }

    public WordHashEmbeddingGenerator Embeddings { get; init; } = new();

    /// <summary>Gets the send buffer of accepted sockets in bytes, or <see langword="null"/> for the system default.</summary>
    public int? SocketSendBufferBytes { get; init; }

    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
