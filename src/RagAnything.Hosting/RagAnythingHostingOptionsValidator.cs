using Microsoft.Extensions.Options;

namespace RagAnything.Hosting;

/// <summary>
/// Checks every hosting setting and reports all invalid ones at once, each with its name and value.
/// </summary>
internal sealed class RagAnythingHostingOptionsValidator : IValidateOptions<RagAnythingHostingOptions>
{
    public ValidateOptionsResult Validate(string? name, RagAnythingHostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var errors = new List<string>();
        CheckRoutes(options, errors);
        CheckUploads(options.Uploads, errors);
        CheckTasks(options.Tasks, errors);
        CheckStreaming(options.Streaming, errors);
        CheckSecurity(options.Security, errors);
        CheckRateLimit(options.RateLimit, errors);

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckRoutes(RagAnythingHostingOptions options, List<string> errors)
    {
        if (!IsRoutePrefix(options.RoutePrefix))
        {
            errors.Add($"Hosting:RoutePrefix = '{options.RoutePrefix}' is invalid: it must start with '/' and not end with '/', such as '/api/v1'.");
        }

        if (!IsRoutePrefix(options.SystemRoutePrefix))
        {
            errors.Add($"Hosting:SystemRoutePrefix = '{options.SystemRoutePrefix}' is invalid: it must start with '/' and not end with '/', such as '/api/system'.");
        }

        if (options.MaxPageSize < 1)
        {
            errors.Add($"Hosting:MaxPageSize = {options.MaxPageSize} is invalid: it must be at least 1.");
        }

        if (options.PageSize < 1 || options.PageSize > options.MaxPageSize)
        {
            errors.Add($"Hosting:PageSize = {options.PageSize} is invalid: it must be between 1 and Hosting:MaxPageSize = {options.MaxPageSize}.");
        }
    }

    private static void CheckUploads(UploadOptions uploads, List<string> errors)
    {
        if (uploads.MaxFileBytes < 1)
        {
            errors.Add($"Hosting:Uploads:MaxFileBytes = {uploads.MaxFileBytes} is invalid: it must be at least 1 byte.");
        }

        if (uploads.MaxRequestBytes < uploads.MaxFileBytes)
        {
            errors.Add($"Hosting:Uploads:MaxRequestBytes = {uploads.MaxRequestBytes} is invalid: it must be at least Hosting:Uploads:MaxFileBytes = {uploads.MaxFileBytes}, or no file of the maximum size could be uploaded.");
        }

        if (uploads.MaxFilesPerBatch < 1)
        {
            errors.Add($"Hosting:Uploads:MaxFilesPerBatch = {uploads.MaxFilesPerBatch} is invalid: it must be at least 1.");
        }

        if (uploads.TempDirectory is { Length: > 0 } folder && !Path.IsPathFullyQualified(folder))
        {
            errors.Add($"Hosting:Uploads:TempDirectory = '{folder}' is invalid: it must be an absolute path.");
        }
    }

    private static void CheckTasks(TaskProcessingOptions tasks, List<string> errors)
    {
        if (tasks.MaxConcurrency < 1)
        {
            errors.Add($"Hosting:Tasks:MaxConcurrency = {tasks.MaxConcurrency} is invalid: it must be at least 1.");
        }

        if (tasks.QueueCapacity < 1)
        {
            errors.Add($"Hosting:Tasks:QueueCapacity = {tasks.QueueCapacity} is invalid: it must be at least 1.");
        }

        if (tasks.RetryAfter < TimeSpan.FromSeconds(1))
        {
            errors.Add($"Hosting:Tasks:RetryAfter = {tasks.RetryAfter} is invalid: it must be at least one second, because Retry-After counts whole seconds.");
        }
    }

    private static void CheckStreaming(StreamingOptions streaming, List<string> errors)
    {
        if (streaming.HeartbeatInterval <= TimeSpan.Zero)
        {
            errors.Add($"Hosting:Streaming:HeartbeatInterval = {streaming.HeartbeatInterval} is invalid: it must be positive.");
        }

        if (streaming.ClientBufferCapacity < 1)
        {
            errors.Add($"Hosting:Streaming:ClientBufferCapacity = {streaming.ClientBufferCapacity} is invalid: it must be at least 1.");
        }
    }

    private static void CheckSecurity(SecurityOptions security, List<string> errors)
    {
        for (var index = 0; index < security.ApiKeys.Count; index++)
        {
            // The key itself is a secret, so the message names only its position.
            if (string.IsNullOrWhiteSpace(security.ApiKeys[index]) || security.ApiKeys[index].Length < 16)
            {
                errors.Add($"Hosting:Security:ApiKeys:{index} is invalid: an API key must have at least 16 characters.");
            }
        }

        foreach (var path in security.AnonymousPaths)
        {
            if (!IsRoutePrefix(path))
            {
                errors.Add($"Hosting:Security:AnonymousPaths contains '{path}', which is invalid: it must start with '/' and not end with '/'.");
            }
        }

        foreach (var origin in security.CorsOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/")
            {
                errors.Add($"Hosting:Security:CorsOrigins contains '{origin}', which is invalid: it must be an origin such as 'https://app.example.com'.");
            }
        }
    }

    private static void CheckRateLimit(RateLimitOptions rateLimit, List<string> errors)
    {
        if (!rateLimit.Enabled)
        {
            return;
        }

        if (rateLimit.TokenLimit < 1)
        {
            errors.Add($"Hosting:RateLimit:TokenLimit = {rateLimit.TokenLimit} is invalid: it must be at least 1, or set Hosting:RateLimit:Enabled = false.");
        }

        if (rateLimit.TokensPerPeriod < 1)
        {
            errors.Add($"Hosting:RateLimit:TokensPerPeriod = {rateLimit.TokensPerPeriod} is invalid: it must be at least 1.");
        }

        if (rateLimit.ReplenishmentPeriod <= TimeSpan.Zero)
        {
            errors.Add($"Hosting:RateLimit:ReplenishmentPeriod = {rateLimit.ReplenishmentPeriod} is invalid: it must be positive.");
        }
    }

    private static bool IsRoutePrefix(string? prefix)
        => prefix is { Length: > 1 } && prefix[0] == '/' && prefix[^1] != '/';
}
