using System.Text.Json;
using System.Text.Json.Serialization;
using RagAnything.Storage.KeyValue;

namespace RagAnything.Hosting.Tasks;

/// <summary>
/// Reads and writes tasks as JSON in the <c>tasks</c> collection of the configured <see cref="IKeyValueStore"/>,
/// so they outlive the process.
/// </summary>
internal sealed class TaskStore(IKeyValueStore store)
{
    public const string Collection = "tasks";

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async ValueTask<ProcessingTask?> GetAsync(string taskId, CancellationToken cancellationToken)
    {
        var bytes = await store.GetAsync(Collection, taskId, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : JsonSerializer.Deserialize<ProcessingTask>(bytes, SerializerOptions);
    }

    public ValueTask SaveAsync(ProcessingTask task, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(task, SerializerOptions);
        return store.UpsertAsync(Collection, [new KeyValuePair<string, byte[]>(task.Id, bytes)], cancellationToken);
    }

    public ValueTask DeleteAsync(string taskId, CancellationToken cancellationToken)
        => store.DeleteAsync(Collection, [taskId], cancellationToken);

    /// <summary>
    /// Returns up to <paramref name="pageSize"/> tasks whose ids sort after <paramref name="after"/>. Task ids
    /// begin with their creation time, so the order is oldest first.
    /// </summary>
    public async ValueTask<(IReadOnlyList<ProcessingTask> Items, string? Next)> ListAsync(string? after, int pageSize, CancellationToken cancellationToken)
    {
        var ids = new List<string>(pageSize + 1);
        await foreach (var key in store.ListKeysAsync(Collection, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (after is not null && string.CompareOrdinal(key, after) <= 0)
            {
                continue;
            }

            ids.Add(key);
            if (ids.Count > pageSize)
            {
                break;
            }
        }

        var hasMore = ids.Count > pageSize;
        if (hasMore)
        {
            ids.RemoveAt(ids.Count - 1);
        }

        var values = await store.GetManyAsync(Collection, ids, cancellationToken).ConfigureAwait(false);
        var items = ids
            .Where(values.ContainsKey)
            .Select(id => JsonSerializer.Deserialize<ProcessingTask>(values[id], SerializerOptions)!)
            .ToList();

        return (items, hasMore ? ids[^1] : null);
    }

    /// <summary>Reads every stored task; used once at start-up to find unfinished ones.</summary>
    public async ValueTask<IReadOnlyList<ProcessingTask>> ListAllAsync(CancellationToken cancellationToken)
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
