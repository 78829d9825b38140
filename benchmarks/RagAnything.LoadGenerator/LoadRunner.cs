using System.Diagnostics;
using System.Net.Http.Headers;

namespace RagAnything.LoadGenerator;

/// <summary>
/// Runs a closed-loop load: each worker sends one GET, waits for the whole response, records its latency and sends
/// the next, cycling through the paths, until the duration ends.
/// </summary>
internal sealed class LoadRunner(LoadOptions options, HttpClient client)
{
    /// <summary>Uploads the ingest files with process=true and returns the HTTP status of each upload.</summary>
    public async Task<IReadOnlyList<string>> StartIngestAsync(CancellationToken cancellationToken)
    {
        var outcomes = new List<string>();
        foreach (var file in options.IngestFiles)
        {
            using var content = new MultipartFormDataContent();
            var bytes = new ByteArrayContent(await File.ReadAllBytesAsync(file, cancellationToken));
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(bytes, "file", Path.GetFileName(file));

            using var response = await client.PostAsync("/api/v1/documents/upload?process=true", content, cancellationToken);
            outcomes.Add($"{Path.GetFileName(file)}: {(int)response.StatusCode}");
        }

        return outcomes;
    }

    /// <summary>Runs the workers for <paramref name="duration"/> and returns one merged recorder per path, in path order.</summary>
    public async Task<IReadOnlyList<LatencyRecorder>> RunAsync(TimeSpan duration)
    {
        var recorders = new LatencyRecorder[options.Workers][];
        var workers = new Task[options.Workers];
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        for (var worker = 0; worker < options.Workers; worker++)
        {
            recorders[worker] = options.Paths.Select(_ => new LatencyRecorder()).ToArray();
            var own = recorders[worker];

            // Workers start at different paths, so every path is under load from the first request on.
            var offset = worker;
            workers[worker] = Task.Run(() => RunWorkerAsync(own, offset, stopAt));
        }

        await Task.WhenAll(workers);
        return options.Paths.Select((_, path) => LatencyRecorder.Merge(recorders.Select(worker => worker[path]))).ToList();
    }

    private async Task RunWorkerAsync(LatencyRecorder[] recorders, int offset, long stopAt)
    {
        for (var request = offset; Stopwatch.GetTimestamp() < stopAt; request++)
        {
            var path = request % options.Paths.Count;
            var start = Stopwatch.GetTimestamp();
            bool succeeded;
            try
            {
                using var response = await client.GetAsync(options.Paths[path], HttpCompletionOption.ResponseContentRead);
                succeeded = response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                succeeded = false;
            }

            recorders[path].Record(start, Stopwatch.GetTimestamp(), succeeded);
        }
    }
}
