using BenchmarkDotNet.Running;
using RagAnything.Benchmarks.Evaluation;

// "eval" runs the retrieval evaluation harness; anything else goes to BenchmarkDotNet's switcher.
if (args.Length > 0 && args[0] == "eval")
{
    return await RetrievalEvaluation.RunAsync(args[1..]).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
