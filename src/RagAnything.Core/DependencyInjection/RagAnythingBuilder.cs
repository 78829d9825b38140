namespace Microsoft.Extensions.DependencyInjection;

internal sealed class RagAnythingBuilder(IServiceCollection services) : IRagAnythingBuilder
{
    public IServiceCollection Services { get; } = services;
}
