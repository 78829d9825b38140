using Microsoft.Extensions.Options;

namespace RagAnything.OpenAI;

/// <summary>
/// Checks the chat and embedding endpoint settings and reports every invalid one with its value; the API key is only
/// reported as missing, never shown.
/// </summary>
internal sealed class OpenAIOptionsValidator : IValidateOptions<OpenAIChatOptions>, IValidateOptions<OpenAIEmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenAIChatOptions options)
    {
        var failures = ValidateEndpoint("OpenAI chat", options);
        if (options.VisionModel is not null && string.IsNullOrWhiteSpace(options.VisionModel))
        {
            failures.Add("OpenAI chat setting VisionModel is blank; set a model id or leave it unset to send images to Model.");
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, OpenAIEmbeddingOptions options)
    {
        var failures = ValidateEndpoint("OpenAI embeddings", options);
        if (options.Dimensions is < 1)
        {
            failures.Add($"OpenAI embeddings setting Dimensions is {options.Dimensions}; it must be positive, or unset for the model's own size.");
        }

        return Result(failures);
    }

    private static List<string> ValidateEndpoint(string area, OpenAIEndpointOptions options)
    {
        var failures = new List<string>();

        if (options.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{area} setting Endpoint is '{endpoint}'; it must be an absolute http or https address such as http://localhost:11434/v1/.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{area} setting Model is missing; set the model id, such as gpt-4o-mini or llama3.1:8b.");
        }

        if (options.Endpoint is null && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{area} setting ApiKey is missing; OpenAI's service requires one. Set ApiKey, or set Endpoint to a server that needs none.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{area} setting Timeout is {options.Timeout}; it must be a positive, finite time such as 00:01:40.");
        }

        if (options.MaxRetries < 0 || options.MaxRetries > OpenAIEndpointOptions.MaxAllowedRetries)
        {
            failures.Add($"{area} setting MaxRetries is {options.MaxRetries}; it must be from 0 to {OpenAIEndpointOptions.MaxAllowedRetries}.");
        }

        return failures;
    }

    private static ValidateOptionsResult Result(List<string> failures)
        => failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
