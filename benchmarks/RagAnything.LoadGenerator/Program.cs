// A small HTTP load generator for the RagAnything REST API: N closed-loop workers for a fixed duration,
// reporting requests per second and p50/p90/p99 latency per path. Run it in its own process beside the server.
using System.Globalization;
using RagAnything.LoadGenerator;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException or UriFormatException)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Workers, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var client = new HttpClient(handler) { BaseAddress = options.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
if (options.ApiKey is not null)
{
    client.DefaultRequestHeaders.Add("X-API-Key", options.ApiKey);
}

var runner = new LoadRunner(options, client);
foreach (var outcome in await runner.StartIngestAsync(CancellationToken.None))
{
    Console.WriteLine($"upload {outcome}");
}

if (options.Warmup > TimeSpan.Zero)
{
    await runner.RunAsync(options.Warmup);
}

var results = await runner.RunAsync(options.Duration);

var seconds = options.Duration.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{options.Workers} workers, {seconds:F0} s, {options.BaseAddress}"));
Console.WriteLine($"{"path",-24} {"requests",9} {"errors",7} {"req/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8}");
for (var index = 0; index < results.Count; index++)
{
    var result = results[index];
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{options.Paths[index],-24} {result.Count,9} {result.Errors,7} {result.Count / seconds,9:F0} {result.PercentileMilliseconds(50),8:F2} {result.PercentileMilliseconds(90),8:F2} {result.PercentileMilliseconds(99),8:F2} {result.PercentileMilliseconds(100),8:F2}"));
}

var all = LatencyRecorder.Merge(results);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{"all",-24} {all.Count,9} {all.Errors,7} {all.Count / seconds,9:F0} {all.PercentileMilliseconds(50),8:F2} {all.PercentileMilliseconds(90),8:F2} {all.PercentileMilliseconds(99),8:F2} {all.PercentileMilliseconds(100),8:F2}"));
return all.Errors == 0 ? 0 : 1;
