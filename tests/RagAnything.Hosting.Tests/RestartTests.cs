using System.Text;
using RagAnything.Hosting.Tests.Infrastructure;
using RagAnything.Hosting.Tests.TestDoubles;

namespace RagAnything.Hosting.Tests;

public sealed class RestartTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task Restart_mid_batch_processes_every_document()
    {
        var blocked = new WordHashEmbeddingGenerator();
        var documentIds = new List<string>();
        var taskIds = new List<string>();

        // The first server accepts a batch but its worker is stuck on the first document when it stops.
        var first = await RagServer.StartAsync(new ServerSettings
        {
            DataFolder = _folder.Path,
            Embeddings = blocked,
            Configure = options => options.Tasks.MaxConcurrency = 1,
        });
        await using (first)
        {
            var body = new RawMultipart().AddFile("stuck.txt", "Stuck in embedding: " + WordHashEmbeddingGenerator.SlowMarker);
            for (var index = 0; index < 5; index++)
            {
                body.AddFile($"queued-{index}.txt", $"Queued document number {index} about harbours and lighthouses.");
            }

            using var response = await first.Client.PostAsync($"{Api.Prefix}/documents/upload/batch?process=true", body.Build());
            foreach (var file in (await response.ReadJsonAsync()).GetProperty("files").EnumerateArray())
            {
                documentIds.Add(file.GetProperty("document").GetProperty("id").GetString()!);
                taskIds.Add(file.GetProperty("taskId").GetString()!);
            }

            await blocked.SlowTextStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await first.StopAsync();

            // Released only after the stop, so the pipeline's stuck stage can end while the first server is disposed.
            blocked.Release();
        }

        // The second server on the same folder embeds at once and must finish every accepted document.
        var released = new WordHashEmbeddingGenerator();
        released.Release();
        await using var second = await RagServer.StartAsync(new ServerSettings { DataFolder = _folder.Path, Embeddings = released });

        Assert.Equal(6, documentIds.Count);
        foreach (var taskId in taskIds)
        {
            var task = await second.Client.WaitForTaskAsync(taskId, TimeSpan.FromSeconds(60));
            Assert.Equal("succeeded", task.GetProperty("status").GetString());
        }

        foreach (var documentId in documentIds)
        {
            var document = await second.Client.WaitForDocumentAsync(documentId, "processed", TimeSpan.FromSeconds(30));
            Assert.True(document.GetProperty("chunkCount").GetInt32() > 0);
        }
    }

    public void Dispose() => _folder.Dispose();
}
