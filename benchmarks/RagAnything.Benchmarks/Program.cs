using BenchmarkDotNet.Running;
using RagAnything.Benchmarks.Evaluation;

// "eval" runs the retrieval evaluation harness; anything else goes to BenchmarkDotNet's switcher.
if (args.Length > 0 && args[0] == "eval")
{
    return await RetrievalEvaluation.RunAsync(args[1..]).ConfigureAwait(false);
}

if (args.Length > 0 && args[0] == "ingest")
{
    return await RagAnything.Benchmarks.Ingestion.IngestionHarness.RunAsync(args[1..]).ConfigureAwait(false);
}

if (args.Length > 0 && args[0] == "chat-utilisation") { return await RagAnything.Benchmarks.Chat.ChatUtilisationHarness.RunAsync(args[1..]).ConfigureAwait(false); }

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
