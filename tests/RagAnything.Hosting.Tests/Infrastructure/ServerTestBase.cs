namespace RagAnything.Hosting.Tests.Infrastructure;

/// <summary>
/// Starts one server per test on its own temporary data folder, so tests never share state.
/// </summary>
public abstract class ServerTestBase : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private RagServer? _server;
    private ServerSettings? _settings;

    internal RagServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    internal HttpClient Client => Server.Client;

    internal string DataFolder => _folder.Path;

    public virtual async Task InitializeAsync()
    {
        _settings = CreateSettings();
        _server = await RagServer.StartAsync(_settings);
    }

    public async Task DisposeAsync()
    {
        // A failed assertion may leave a slow embedding waiting; releasing it lets the pipeline stop.
        _settings?.Embeddings.Release();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _folder.Dispose();
    }

    internal virtual ServerSettings CreateSettings() => new() { DataFolder = DataFolder };
}
