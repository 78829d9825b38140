using Microsoft.Extensions.Logging;
using RagAnything.Storage.Blobs;

namespace RagAnything.Parsing;

/// <summary>
/// The per-parser dependencies from which each parse gets its own <see cref="OfficeParseContext"/>.
/// </summary>
internal sealed class OfficeParseContextFactory(OfficeParserOptions options, IBlobStore? blobStore, ILogger logger)
{
    public OfficeParserOptions Options { get; } = options;

    public ILogger Logger { get; } = logger;

    public OfficeParseContext Create(DocumentSource source, CancellationToken cancellationToken) =>
        new(source, Options, blobStore, Logger, cancellationToken);
}
