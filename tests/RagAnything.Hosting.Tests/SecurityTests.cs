using System.Net;
using Microsoft.Extensions.Options;
using RagAnything.Hosting.Tests.Infrastructure;

namespace RagAnything.Hosting.Tests;

public sealed class SecurityTests : ServerTestBase
{
    private const string Key = "test-key-0123456789abcdef";

    internal override ServerSettings CreateSettings() => new()
    {
        DataFolder = DataFolder,
        Configure = options =>
        {
            options.Security.ApiKeys.Add(Key);
            options.Security.CorsOrigins.Add("https://app.example.com");
            options.RateLimit.TokenLimit = 5;
            options.RateLimit.TokensPerPeriod = 1;
            options.RateLimit.ReplenishmentPeriod = TimeSpan.FromMinutes(5);
        },
    };

    [Fact]
    public async Task Missing_or_wrong_key_is_401()
    {
        using var missing = await Client.GetAsync($"{Api.Prefix}/documents");
        Api.AssertProblem(missing, HttpStatusCode.Unauthorized, await missing.ReadJsonAsync(), "unauthorized");

        using var wrong = new HttpRequestMessage(HttpMethod.Get, $"{Api.Prefix}/documents");
        wrong.Headers.Add("X-API-Key", Key + "x");
        using var wrongResponse = await Client.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);

        using var right = new HttpRequestMessage(HttpMethod.Get, $"{Api.Prefix}/documents");
        right.Headers.Add("X-API-Key", Key);
        using var rightResponse = await Client.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, rightResponse.StatusCode);
    }

    [Fact]
    public async Task Health_needs_no_key_and_no_rate_limit()
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var live = await Client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        using var ready = await Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Key_over_rate_limit_is_429()
    {
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api.Prefix}/cache/status");
            request.Headers.Add("X-API-Key", Key);
            using var response = await Client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Api.AssertProblem(response, HttpStatusCode.TooManyRequests, await response.ReadJsonAsync(), "rate-limited");
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal(5, statuses.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(3, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Cors_allows_only_configured_origin()
    {
        using var allowed = new HttpRequestMessage(HttpMethod.Options, $"{Api.Prefix}/documents");
        allowed.Headers.Add("Origin", "https://app.example.com");
        allowed.Headers.Add("Access-Control-Request-Method", "GET");
        using var allowedResponse = await Client.SendAsync(allowed);
        Assert.Equal("https://app.example.com", allowedResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var other = new HttpRequestMessage(HttpMethod.Options, $"{Api.Prefix}/documents");
        other.Headers.Add("Origin", "https://evil.example.net");
        other.Headers.Add("Access-Control-Request-Method", "GET");
        using var otherResponse = await Client.SendAsync(other);
        Assert.False(otherResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Invalid_options_fail_start_naming_setting()
    {
        using var folder = new TemporaryFolder();
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => RagServer.StartAsync(new ServerSettings
        {
            DataFolder = folder.Path,
            Configure = options =>
            {
                options.Uploads.MaxFileBytes = 0;
                options.Tasks.QueueCapacity = -3;
                options.Security.ApiKeys.Add("short");
            },
        }));

        Assert.Contains("Hosting:Uploads:MaxFileBytes = 0", exception.Message);
        Assert.Contains("Hosting:Tasks:QueueCapacity = -3", exception.Message);
        Assert.Contains("Hosting:Security:ApiKeys:0", exception.Message);
        Assert.DoesNotContain("short", exception.Message.Replace("shorter", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
