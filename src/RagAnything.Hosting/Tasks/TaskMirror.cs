namespace RagAnything.Hosting.Tasks;

/// <summary>
/// An in-memory copy of every stored task, ordered by id, so that reading and listing tasks needs no store
/// round trip and no JSON parsing. Safe for concurrent use.
/// </summary>
/// <remarks>
/// Task ids begin with their creation time, so new tasks append at the end and insertion is cheap.
/// NOTE: the copy contains every stored task, an estimated half a KB each, because finished tasks are never pruned.
/// </remarks>
internal sealed class TaskMirror
{
    private readonly Lock _gate = new();
    private readonly SortedList<string, ProcessingTask> _tasks = new(StringComparer.Ordinal);

    public TaskMirror(IEnumerable<ProcessingTask> tasks)
    {
        foreach (var task in tasks)
        {
            _tasks[task.Id] = task;
        }
    }

    public ProcessingTask? Get(string taskId)
    {
        lock (_gate)
        {
            return _tasks.GetValueOrDefault(taskId);
        }
    }

    public IReadOnlyList<ProcessingTask> All()
    {
        lock (_gate)
        {
            return [.. _tasks.Values];
        }
    }

    public void Set(ProcessingTask task)
    {
        lock (_gate)
        {
            _tasks[task.Id] = task;
        }
    }

    public void Remove(string taskId)
    {
        lock (_gate)
        {
            _tasks.Remove(taskId);
        }
    }

    /// <summary>Returns up to <paramref name="pageSize"/> tasks whose ids sort after <paramref name="after"/>, and the cursor of the next page.</summary>
    public (IReadOnlyList<ProcessingTask> Items, string? Next) Page(string? after, int pageSize)
    {
        lock (_gate)
        {
            var start = after is null ? 0 : FirstIndexAfter(after);
            var end = Math.Min(start + pageSize, _tasks.Count);
            var items = new List<ProcessingTask>(end - start);
            for (var index = start; index < end; index++)
            {
                items.Add(_tasks.Values[index]);
            }

            return (items, end < _tasks.Count ? _tasks.Keys[end - 1] : null);
        }
    }

    /// <summary>Binary search for the first key greater than <paramref name="after"/> in ordinal order; called under the lock.</summary>
    private int FirstIndexAfter(string after)
    {
        var keys = _tasks.Keys;
        int low = 0, high = keys.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (string.CompareOrdinal(keys[middle], after) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
