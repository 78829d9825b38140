using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace RagAnything.Resilience;

/// <summary>
/// Registers the named resilience pipelines with Polly's pipeline registry.
/// </summary>
internal static class ResilienceRegistration
{
    public static void AddPipelines(IServiceCollection services)
    {
        services.AddOptions<ResilienceOptions>().ValidateOnStart();
        services.TryAddEnumerableValidator();

        Add(services, ResiliencePipelineNames.Embedding, options => options.Embedding, PipelineParts.All);
        Add(services, ResiliencePipelineNames.Chat, options => options.Chat, PipelineParts.RetriesOnly);
        Add(services, ResiliencePipelineNames.ChatAttempt, options => options.Chat, PipelineParts.TimeoutOnly);
        Add(services, ResiliencePipelineNames.Store, options => options.Store, PipelineParts.All);
    }

    private static void TryAddEnumerableValidator(this IServiceCollection services)
        => Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddEnumerable(
            services,
            ServiceDescriptor.Singleton<IValidateOptions<ResilienceOptions>, ResilienceOptionsValidator>());

    private enum PipelineParts
    {
        All,
        RetriesOnly,
        TimeoutOnly,
    }

    private static void Add(IServiceCollection services, string name, Func<ResilienceOptions, ResiliencePipelineOptions> select, PipelineParts parts)
    {
        services.AddResiliencePipeline(name, (builder, context) =>
        {
            var provider = context.ServiceProvider;
            var options = select(provider.GetRequiredService<IOptions<ResilienceOptions>>().Value);
            var time = provider.GetService<TimeProvider>() ?? TimeProvider.System;
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger("RagAnything.Resilience") ?? NullLogger.Instance;

            if (parts == PipelineParts.TimeoutOnly)
            {
                ResiliencePipelineFactory.AddTimeout(builder, name, options, logger);
                return;
            }

            ResiliencePipelineFactory.Configure(builder, name, options, time, logger, withTimeout: parts == PipelineParts.All);
        });
    }
}
