using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RagAnything.Ingestion;

/// <summary>
/// Resumes, when a host starts, the documents that a previous process accepted but did not finish.
/// </summary>
/// <remarks>
/// Recovery runs in the background so that host start-up does not wait for it; documents that arrive meanwhile are
/// processed alongside.
/// </remarks>
internal sealed class RecoveryHostedService(IRagAnything rag, IServiceProvider services) : BackgroundService
{
    // Logging is optional for hosts of the library, so the logger is looked up instead of required.
    private readonly ILogger _logger = services.GetService<ILoggerFactory>()?.CreateLogger(typeof(RecoveryHostedService).FullName!) ?? NullLogger.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await rag.RecoverAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; the documents stay non-terminal and are resumed on the next start.
        }
        catch (Exception exception)
        {
            Diagnostics.Log.RecoveryFailed(_logger, exception);
        }
    }
}
