using Microsoft.Extensions.DependencyInjection.Extensions;
using RagAnything.Parsing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the bundled document parsers and content sniffing with RagAnything.
/// </summary>
public static class ParsersRagAnythingBuilderExtensions
{
    /// <summary>
    /// Adds every bundled parser (plain text, Markdown, PDF, Word, Excel, PowerPoint, HTML, CSV/TSV and images with
    /// OCR) as <see cref="IDocumentParser"/> singletons, and makes <see cref="ContentSniffer"/> the <see cref="IMediaTypeDetector"/>.
    /// </summary>
    /// <remarks>
    /// Calling the method twice registers each parser once. Parsers registered before or after it are kept. Any
    /// <see cref="IMediaTypeDetector"/> registered before is replaced; register a custom detector after this call to
    /// override the sniffer. Nothing is created until the container resolves it.
    /// </remarks>
    /// <param name="builder">The RagAnything builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IRagAnythingBuilder AddDefaultParsers(this IRagAnythingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, PlainTextParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, MarkdownParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, PdfParser>());
        builder.AddOfficeParsers();
        builder.AddWebAndImageParsers();

        // The sniffer is also resolvable by its own type, for callers that want the extension mismatch it reports.
        services.TryAddSingleton<ContentSniffer>();
        services.Replace(ServiceDescriptor.Singleton<IMediaTypeDetector>(provider => provider.GetRequiredService<ContentSniffer>()));

        return builder;
    }
}
