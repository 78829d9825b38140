using System.Text.Json;
using System.Text.Json.Serialization;
using RagAnything.Storage.KeyValue;

namespace RagAnything.Hosting.Tasks;

/// <summary>
/// Reads and writes tasks as JSON in the <c>tasks</c> collection of the configured <see cref="IKeyValueStore"/>,
/// so they outlive the process. Reads are served from a <see cref="TaskMirror"/> loaded from the store on first use.
/// </summary>
/// <remarks>
/// The mirror is right only while this process is the sole writer of the collection, which the in-process
/// <see cref="TaskCoordinator"/> already requires. Writes are serialised so the store and the mirror apply them in
/// the same order. Each task changes only a few times, so the lock is rarely contended.
/// </remarks>
internal sealed class TaskStore(IKeyValueStore store) : IDisposable
{
    public const string Collection = "tasks";

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private TaskMirror? _mirror;

    public async ValueTask<ProcessingTask?> GetAsync(string taskId, CancellationToken cancellationToken)
        => (await GetMirrorAsync(cancellationToken).ConfigureAwait(false)).Get(taskId);

    public async ValueTask SaveAsync(ProcessingTask task, CancellationToken cancellationToken)
    {
        var mirror = await GetMirrorAsync(cancellationToken).ConfigureAwait(false);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(task, SerializerOptions);

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await store.UpsertAsync(Collection, [new KeyValuePair<string, byte[]>(task.Id, bytes)], cancellationToken).ConfigureAwait(false);
            mirror.Set(task);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async ValueTask DeleteAsync(string taskId, CancellationToken cancellationToken)
    {
        var mirror = await GetMirrorAsync(cancellationToken).ConfigureAwait(false);

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await store.DeleteAsync(Collection, [taskId], cancellationToken).ConfigureAwait(false);
            mirror.Remove(taskId);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Returns up to <paramref name="pageSize"/> tasks whose ids sort after <paramref name="after"/>. Task ids
    /// begin with their creation time, so the order is oldest first.
    /// </summary>
    public async ValueTask<(IReadOnlyList<ProcessingTask> Items, string? Next)> ListAsync(string? after, int pageSize, CancellationToken cancellationToken)
        => (await GetMirrorAsync(cancellationToken).ConfigureAwait(false)).Page(after, pageSize);

    /// <summary>Returns every stored task; used once at start-up to find unfinished ones.</summary>
    public async ValueTask<IReadOnlyList<ProcessingTask>> ListAllAsync(CancellationToken cancellationToken)
        => (await GetMirrorAsync(cancellationToken).ConfigureAwait(false)).All();

    public void Dispose()
    {
        _writeGate.Dispose();
        _loadGate.Dispose();
    }

    private async ValueTask<TaskMirror> GetMirrorAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _mirror) is { } loaded)
        {
            return loaded;
        }

        await _loadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _mirror ??= new TaskMirror(await ReadStoredTasksAsync(cancellationToken).ConfigureAwait(false));
            return _mirror;
        }
        finally
        {
            _loadGate.Release();
        }
    }

    private async Task<List<ProcessingTask>> ReadStoredTasksAsync(CancellationToken cancellationToken)
    {
        // Keys are collected first so no store cursor stays open while the values are read.
        var ids = new List<string>();
        await foreach (var key in store.ListKeysAsync(Collection, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ids.Add(key);
        }

        var tasks = new List<ProcessingTask>(ids.Count);
        foreach (var batch in ids.Chunk(500))
        {
            var values = await store.GetManyAsync(Collection, batch, cancellationToken).ConfigureAwait(false);
            tasks.AddRange(values.Values.Select(bytes => JsonSerializer.Deserialize<ProcessingTask>(bytes, SerializerOptions)!));
        }

        return tasks;
    }
}
