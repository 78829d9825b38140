using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagAnything.Parsing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the Office document parsers (DOCX, XLSX, PPTX) with RagAnything.
/// </summary>
public static class OfficeParsersRagAnythingBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="DocxParser"/>, <see cref="XlsxParser"/> and <see cref="PptxParser"/> as
    /// <see cref="IDocumentParser"/> singletons, with <see cref="OfficeParserOptions"/> validated on start.
    /// </summary>
    /// <remarks>
    /// Calling the method twice registers each parser once; each call's <paramref name="configure"/> is applied.
    /// The parsers take the registered <see cref="RagAnything.Storage.Blobs.IBlobStore"/>, if any, for picture bytes. Nothing is
    /// created until the container resolves it.
    /// </remarks>
    /// <param name="builder">The RagAnything builder.</param>
    /// <param name="configure">Changes the default limits, or <see langword="null"/> to keep them.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IRagAnythingBuilder AddOfficeParsers(this IRagAnythingBuilder builder, Action<OfficeParserOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var services = builder.Services;
        var options = services.AddOptions<OfficeParserOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OfficeParserOptions>, OfficeParserOptionsValidator>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, DocxParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, XlsxParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, PptxParser>());
        return builder;
    }
}
