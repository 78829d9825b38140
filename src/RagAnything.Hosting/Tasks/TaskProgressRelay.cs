using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagAnything.Hosting.Diagnostics;

namespace RagAnything.Hosting.Tasks;

/// <summary>
/// Forwards the pipeline's progress events to the coordinator, which updates the running task of each document.
/// </summary>
internal sealed class TaskProgressRelay(IRagAnything rag, TaskCoordinator coordinator, ILogger<TaskProgressRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var progress in rag.WatchAsync(stoppingToken).ConfigureAwait(false))
            {
                coordinator.ReportProgress(progress);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        catch (Exception exception)
        {
            // Tasks still finish without the relay; only their percent stops moving.
            Log.ProgressRelayFailed(logger, exception, exception.Message);
        }
    }
}
