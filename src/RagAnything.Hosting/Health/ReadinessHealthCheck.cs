using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RagAnything.Storage.Documents;

namespace RagAnything.Hosting.Health;

/// <summary>
/// Reports ready when the status store answers and the embedding model produces a vector. The model check runs
/// until it first succeeds, because loading the model is the slow and fallible part; the store is checked every time.
/// </summary>
internal sealed class ReadinessHealthCheck(IServiceProvider services) : IHealthCheck
{
    private volatile bool _modelLoaded;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var statuses = services.GetRequiredService<IDocumentStatusStore>();
            await statuses.GetCountsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The document status store failed: {exception.Message}", exception);
        }

        if (_modelLoaded)
        {
            return HealthCheckResult.Healthy("The status store answers and the embedding model is loaded.");
        }

        var generator = services.GetService<IEmbeddingGenerator<string, Embedding<float>>>();
        if (generator is null)
        {
            return HealthCheckResult.Unhealthy("No embedding generator is registered. Call AddOnnxEmbeddings() or register an IEmbeddingGenerator<string, Embedding<float>>.");
        }

        try
        {
            await generator.GenerateAsync(["readiness check"], cancellationToken: cancellationToken).ConfigureAwait(false);
            _modelLoaded = true;
            return HealthCheckResult.Healthy("The status store answers and the embedding model is loaded.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The embedding model could not be loaded: {exception.Message}", exception);
        }
    }
}
