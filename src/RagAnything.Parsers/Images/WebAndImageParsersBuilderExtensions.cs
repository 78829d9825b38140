using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagAnything.Parsing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the HTML, CSV/TSV and image parsers and Tesseract OCR with RagAnything.
/// </summary>
public static class WebAndImageParsersBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="HtmlParser"/>, <see cref="CsvParser"/> and <see cref="ImageParser"/> as
    /// <see cref="IDocumentParser"/> singletons and <see cref="TesseractTextRecognizer"/> as the
    /// <see cref="ITextRecognizer"/>, with validated <see cref="OcrOptions"/>, <see cref="CsvParserOptions"/> and
    /// <see cref="ImageParserOptions"/>.
    /// </summary>
    /// <remarks>
    /// Calling the method twice registers each parser once. An <see cref="ITextRecognizer"/> registered before is
    /// kept. The image parser uses the registered <c>IBlobStore</c> and <c>IChatClient</c> when there are any. Options
    /// are validated when the host starts; nothing is created and no program is started until first use.
    /// </remarks>
    /// <param name="builder">The RagAnything builder.</param>
    /// <param name="configureOcr">Sets the OCR options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IRagAnythingBuilder AddWebAndImageParsers(this IRagAnythingBuilder builder, Action<OcrOptions>? configureOcr = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var services = builder.Services;
        var ocrOptions = services.AddOptions<OcrOptions>();
        if (configureOcr is not null)
        {
            ocrOptions.Configure(configureOcr);
        }

        ocrOptions.ValidateOnStart();
        services.AddOptions<CsvParserOptions>().ValidateOnStart();
        services.AddOptions<ImageParserOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OcrOptions>, OcrOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CsvParserOptions>, CsvParserOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImageParserOptions>, ImageParserOptionsValidator>());

        services.TryAddSingleton<ITextRecognizer, TesseractTextRecognizer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, HtmlParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, CsvParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, ImageParser>());

        return builder;
    }
}
