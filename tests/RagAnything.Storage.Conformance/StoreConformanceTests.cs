namespace RagAnything.Storage.Conformance;

/// <summary>
/// Creates a fresh store before each test and releases it after, for the contract suites that derive from it.
/// </summary>
public abstract class StoreConformanceTests<TStore> : IAsyncLifetime
    where TStore : class
{
    private TStore? _store;

    /// <summary>Gets the store under test, new for each test.</summary>
    protected TStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>Creates an empty store.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    /// <summary>Releases what <see cref="CreateStoreAsync"/> created, such as a database file.</summary>
    protected virtual Task DisposeStoreAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    /// <inheritdoc/>
    public Task DisposeAsync() => DisposeStoreAsync();
}
