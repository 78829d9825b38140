using System.Globalization;

namespace RagAnything.LoadGenerator;

/// <summary>
/// The settings of one load run, parsed from <c>--name value</c> pairs on the command line.
/// </summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        Sends GET requests from concurrent workers to a running RagAnything server and reports latency percentiles.

          --url URL          server base address (default http://127.0.0.1:5000); loopback only
          --paths P1,P2      comma-separated paths, requested round-robin by each worker
                             (default /health,/api/v1/documents,/api/v1/tasks)
          --workers N        concurrent workers, each with one request in flight (default 8)
          --duration S       measured seconds (default 20)
          --warmup S         seconds of unmeasured requests first, for JIT and connection set-up (default 3)
          --ingest F1,F2     files uploaded with process=true before the warm-up, so ingestion runs during the run
          --api-key KEY      sent as X-API-Key when the server requires keys
        """;

    public Uri BaseAddress { get; init; } = new("http://127.0.0.1:5000");

    public IReadOnlyList<string> Paths { get; init; } = ["/health", "/api/v1/documents", "/api/v1/tasks"];

    public int Workers { get; init; } = 8;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    public IReadOnlyList<string> IngestFiles { get; init; } = [];

    public string? ApiKey { get; init; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> naming the first invalid one.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var index = 0; index < args.Count; index += 2)
        {
            var name = args[index];
            var value = index + 1 < args.Count ? args[index + 1] : throw new ArgumentException($"Option {name} is missing its value.");
            options = name switch
            {
                "--url" => options with { BaseAddress = ParseLoopback(value) },
                "--paths" => options with { Paths = SplitList(value) },
                "--workers" => options with { Workers = ParsePositive(name, value) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(ParsePositive(name, value)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                "--ingest" => options with { IngestFiles = SplitList(value) },
                "--api-key" => options with { ApiKey = value },
                _ => throw new ArgumentException($"Option {name} is unknown."),
            };
        }

        return options;
    }

    private static Uri ParseLoopback(string value)
    {
        // The generator is meant for a server the user started on this machine, never for a remote host.
        var uri = new Uri(value, UriKind.Absolute);
        return uri.IsLoopback ? uri : throw new ArgumentException($"URL {value} is not a loopback address. Start the server on 127.0.0.1 and point --url at it.");
    }

    private static int ParsePositive(string name, string value)
    {
        var number = int.Parse(value, CultureInfo.InvariantCulture);
        return number > 0 ? number : throw new ArgumentException($"Option {name} = {value} is invalid: it must be at least 1.");
    }

    private static string[] SplitList(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
