using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagAnything.Hosting.Diagnostics;

namespace RagAnything.Hosting.Tasks;

/// <summary>
/// Queues again, when the host starts, every task the previous process left queued or running. It runs in the
/// background because recovering more tasks than the queue holds waits for workers to make room.
/// </summary>
internal sealed class TaskRecoveryService(TaskCoordinator coordinator, ILogger<TaskRecoveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var count = await coordinator.RecoverAsync(stoppingToken).ConfigureAwait(false);
            Log.TasksRecovered(logger, count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped during recovery: the rest stay queued in the store for the next start.
        }
    }
}
