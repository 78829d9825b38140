using Microsoft.Extensions.Options;

namespace RagAnything.Caching;

/// <summary>
/// Checks every cache layer and reports all invalid values at once.
/// </summary>
internal sealed class CacheOptionsValidator : IValidateOptions<CacheOptions>
{
    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        var failures = new List<string>();
        foreach (var layer in Enum.GetValues<CacheLayer>())
        {
            var layerOptions = options.Get(layer);
            if (layerOptions.MaxMemoryBytes < 1)
            {
                failures.Add($"Caches:{layer}:MaxMemoryBytes is {layerOptions.MaxMemoryBytes}; it must be at least 1. Disable the layer with Enabled = false instead.");
            }

            if (layerOptions.Expiration <= TimeSpan.Zero)
            {
                failures.Add($"Caches:{layer}:Expiration is {layerOptions.Expiration}; it must be positive.");
            }

            if (layerOptions.MemoryExpiration <= TimeSpan.Zero || layerOptions.MemoryExpiration > layerOptions.Expiration)
            {
                failures.Add($"Caches:{layer}:MemoryExpiration is {layerOptions.MemoryExpiration}; it must be positive and at most Expiration ({layerOptions.Expiration}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
