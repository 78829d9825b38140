using RagAnything;
using RagAnything.SemanticKernel;

namespace Microsoft.SemanticKernel;

/// <summary>
/// Adds RagAnything to a kernel's plugins.
/// </summary>
public static class RagAnythingKernelExtensions
{
    /// <summary>The default plugin name, so the functions appear to models as <c>rag-query</c> and <c>rag-ingest_text</c>.</summary>
    public const string DefaultPluginName = "rag";

    /// <summary>
    /// Adds a <see cref="RagAnythingPlugin"/> over <paramref name="rag"/> to the collection.
    /// </summary>
    /// <param name="plugins">The kernel's plugins, such as <c>kernel.Plugins</c>.</param>
    /// <param name="rag">The engine, usually resolved from the host's service provider.</param>
    /// <param name="pluginName">The plugin name that prefixes the function names.</param>
    /// <returns>The added plugin.</returns>
    public static KernelPlugin AddRagAnything(this KernelPluginCollection plugins, IRagAnything rag, string pluginName = DefaultPluginName)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(rag);

        return plugins.AddFromObject(new RagAnythingPlugin(rag), pluginName);
    }
}
