using RagAnything.Cli;

return await RagCommandLine.RunAsync(args).ConfigureAwait(false);
