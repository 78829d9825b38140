namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures RagAnything services after <see cref="RagAnythingServiceCollectionExtensions.AddRagAnything"/>.
/// Packages add their own extension methods, such as <c>AddOnnxEmbeddings()</c> or <c>AddDefaultParsers()</c>.
/// </summary>
public interface IRagAnythingBuilder
{
    /// <summary>Gets the service collection being configured.</summary>
    IServiceCollection Services { get; }
}
