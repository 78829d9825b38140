using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagAnything.Parsing;
using RagAnything.Storage.KeyValue;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the bundled document parsers and content sniffing with RagAnything.
/// </summary>
public static class ParsersRagAnythingBuilderExtensions
{
    /// <summary>
    /// Adds every bundled parser (plain text, Markdown, PDF, Word, Excel, PowerPoint, HTML, CSV/TSV and images with
    /// OCR) as <see cref="IDocumentParser"/> singletons, makes <see cref="ContentSniffer"/> the <see cref="IMediaTypeDetector"/>,
    /// and registers <see cref="IParserStatistics"/> and a <see cref="ParseCache"/> over the registered key-value store.
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
        services.AddOptions<PdfParserOptions>().ValidateOnStart();
        services.AddOptions<ParserLimitsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PdfParserOptions>, PdfParserOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ParserLimitsOptions>, ParserLimitsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, PdfParser>());
        builder.AddOfficeParsers();
        builder.AddWebAndImageParsers();

        // The pipeline's parse stage reads both; the cache keeps parse results in the key-value store.
        services.TryAddSingleton<IParserStatistics, ParserStatistics>();
        services.TryAddSingleton<IParseCache>(provider => new ParseCache(provider.GetRequiredService<IKeyValueStore>()));

        // The sniffer is also resolvable by its own type, for callers that want the extension mismatch it reports.
        services.TryAddSingleton<ContentSniffer>();
        services.Replace(ServiceDescriptor.Singleton<IMediaTypeDetector>(provider => provider.GetRequiredService<ContentSniffer>()));

        return builder;
    }
}
