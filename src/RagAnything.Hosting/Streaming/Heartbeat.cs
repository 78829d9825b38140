namespace RagAnything.Hosting.Streaming;

/// <summary>
/// Writes a heartbeat into a client's buffer every interval until cancelled. Heartbeats share the bounded
/// buffer, so a stalled client collects at most the buffer's capacity of them.
/// </summary>
internal static class Heartbeat
{
    public static async Task RunAsync<T>(ClientEventBuffer<T> buffer, T heartbeat, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                buffer.Write(heartbeat);
            }
        }
        catch (OperationCanceledException)
        {
            // The stream ended.
        }
    }
}
