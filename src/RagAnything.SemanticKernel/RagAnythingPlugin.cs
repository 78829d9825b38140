using System.ComponentModel;
using System.Globalization;
using System.Text;
using Microsoft.SemanticKernel;
using RagAnything.Ingestion;
using RagAnything.Parsing;
using RagAnything.Query;

namespace RagAnything.SemanticKernel;

/// <summary>
/// Kernel functions over <see cref="IRagAnything"/>: <c>query</c> answers from the ingested documents with numbered
/// sources, and <c>ingest_text</c> adds a text document. Register it with
/// <see cref="RagAnythingKernelExtensions.AddRagAnything"/> or <c>kernel.Plugins.AddFromObject(plugin, "rag")</c>.
/// </summary>
/// <remarks>Thread-safe, as <see cref="IRagAnything"/> is.</remarks>
public sealed class RagAnythingPlugin
{
    private readonly IRagAnything _rag;

    /// <summary>Initializes a new instance over an engine.</summary>
    /// <param name="rag">The engine to query and ingest into.</param>
    public RagAnythingPlugin(IRagAnything rag)
    {
        ArgumentNullException.ThrowIfNull(rag);
        _rag = rag;
    }

    /// <summary>
    /// Answers a question from the ingested documents, followed by its numbered sources with document names and pages.
    /// </summary>
    /// <param name="question">The question.</param>
    /// <param name="mode">The query mode: naive, local, global, hybrid, mix or bypass.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The answer, a blank line and a "Sources:" list, or the answer alone when nothing is cited.</returns>
    /// <exception cref="Errors.RagAnythingException">The question is empty, the mode unknown, or the mode needs a missing component.</exception>
    [KernelFunction("query")]
    [Description("Answers a question from the documents ingested into the knowledge base, and lists the numbered sources (document and page) the answer cites.")]
    public async Task<string> QueryAsync(
        [Description("The question to answer, in full sentences.")] string question,
        [Description("How to search: 'mix' (knowledge graph and passages, best default), 'naive' (passages only), 'local' (entities), 'global' (relations), 'hybrid' (entities and relations) or 'bypass' (no search).")] string mode = "mix",
        CancellationToken cancellationToken = default)
    {
        var result = await _rag.QueryAsync(new QueryRequest { Query = question, Mode = QueryModes.Parse(mode) }, cancellationToken).ConfigureAwait(false);
        if (result.Citations.Count == 0)
        {
            return result.Answer;
        }

        var text = new StringBuilder(result.Answer.TrimEnd()).AppendLine().AppendLine().AppendLine("Sources:");
        foreach (var citation in result.Citations)
        {
            text.Append('[').Append(citation.Number.ToString(CultureInfo.InvariantCulture)).Append("] ").Append(citation.DocumentName);
            if (citation.Page is { } page)
            {
                text.Append(", page ").Append(page.ToString(CultureInfo.InvariantCulture));
            }

            text.AppendLine();
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// Adds a text document to the knowledge base. Adding the same text again changes nothing.
    /// </summary>
    /// <param name="name">The document's name, such as <c>meeting-notes.md</c>; citations show it.</param>
    /// <param name="text">The document's text; Markdown is read as Markdown when the name ends in <c>.md</c>.</param>
    /// <param name="cancellationToken">Cancels the ingestion.</param>
    /// <returns>A sentence saying whether the document was added, was already present, or failed and why.</returns>
    [KernelFunction("ingest_text")]
    [Description("Adds a text document to the knowledge base so later questions can be answered from it. Returns whether it was added.")]
    public async Task<string> IngestTextAsync(
        [Description("A short file name for the document, such as 'meeting-notes.md'; answers cite it.")] string name,
        [Description("The full text of the document.")] string text,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(text))
        {
            return "Nothing was ingested: both the name and the text must be non-empty.";
        }

        var result = await _rag.IngestAsync(new DocumentSource(name.Trim(), Encoding.UTF8.GetBytes(text)), cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            IngestOutcome.AlreadyPresent => $"'{result.SourceName}' is already in the knowledge base as document {result.DocumentId}.",
            IngestOutcome.Failed => $"'{result.SourceName}' could not be ingested ({result.Error?.Category.ToString().ToLowerInvariant()}): {result.Error?.Message}",
            _ => $"Ingested '{result.SourceName}' as document {result.DocumentId} with {result.ChunkCount.ToString(CultureInfo.InvariantCulture)} chunks.",
        };
    }
}
