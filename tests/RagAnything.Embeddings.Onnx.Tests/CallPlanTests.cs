using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using RagAnything.Embeddings.Onnx.Internal;

namespace RagAnything.Embeddings.Onnx.Tests;

[Collection(ModelCollection.Name)]
public sealed class CallPlanTests(ModelFixture fixture)
{
    [Fact]
    public void Run_AfterBatchFailed_SkipsLaterBatches()
    {
        using var resources = new OnnxModelResources(fixture.CreateOptions(), NullLogger.Instance);
        var session = resources.GetSession();
        IReadOnlyList<int> valid = resources.GetTokenizer().EncodeToIds("A man is eating food.");

        // [CLS], an id far past the end of the vocabulary, [SEP]: the model's embedding lookup rejects it.
        IReadOnlyList<int> invalid = [101, 10_000_000, 102];
        var plan = new CallPlan(session, [invalid, valid], indexOfInput: [0, 1], batches: [[0], [1]]);

        Assert.Throws<OnnxRuntimeException>(() => plan.Run(plan.Batches[0]));
        bool ran = plan.Run(plan.Batches[1]);

        // The call fails with the first batch's exception, so a batch that starts later must not take a thread.
        Assert.False(ran, "A batch that started after another batch of the call failed still ran the model.");
        Assert.Null(plan.Vectors[1]);
    }
}
