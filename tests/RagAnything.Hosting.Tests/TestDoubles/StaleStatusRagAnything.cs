using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Storage.Documents;

namespace RagAnything.Hosting.Tests.TestDoubles;

/// <summary>
/// Wraps the real <see cref="IRagAnything"/> so that, once armed, the task coordinator's next status read is held
/// until the test releases it and then returns the status as it was at the start, as a slow store read would.
/// </summary>
public class StaleStatusRagAnything : DispatchProxy
{
    private IRagAnything _inner = null!;
    private int _armed;

    /// <summary>Gets a task that completes when the held read has read its status.</summary>
    public TaskCompletionSource StatusRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets the gate that the held read waits on before it returns.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Holds the next status read that the task coordinator makes.</summary>
    public void Arm() => Volatile.Write(ref _armed, 1);

    /// <summary>Replaces the registered <see cref="IRagAnything"/> with a wrapper and returns a way to reach it.</summary>
    public static Func<StaleStatusRagAnything> Register(IServiceCollection services)
    {
        var original = services.Last(descriptor => descriptor.ServiceType == typeof(IRagAnything));
        services.Remove(original);

        StaleStatusRagAnything? wrapper = null;
        services.AddSingleton(provider =>
        {
            var inner = (IRagAnything)original.ImplementationFactory!(provider);
            var proxy = Create<IRagAnything, StaleStatusRagAnything>();
            wrapper = (StaleStatusRagAnything)(object)proxy;
            wrapper._inner = inner;
            return proxy;
        });

        return () => wrapper ?? throw new InvalidOperationException("IRagAnything has not been resolved yet.");
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod!.Name == nameof(IRagAnything.GetDocumentAsync)
            && Environment.StackTrace.Contains("TaskCoordinator", StringComparison.Ordinal)
            && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            return HoldAsync((string)args![0]!, (CancellationToken)args[1]!);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }

    private async ValueTask<DocumentStatusRecord?> HoldAsync(string documentId, CancellationToken cancellationToken)
    {
        var record = await _inner.GetDocumentAsync(documentId, cancellationToken);
        StatusRead.TrySetResult();
        await Release.Task.WaitAsync(cancellationToken);
        return record;
    }
}
