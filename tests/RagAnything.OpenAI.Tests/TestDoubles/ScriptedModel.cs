using RagAnything.OpenAI.Tests.Stub;

namespace RagAnything.OpenAI.Tests.TestDoubles;

/// <summary>
/// Answers the stub server's chat requests by what the prompt asks for, as a real model would: extraction records,
/// query keywords, descriptions or an answer citing passage 1.
/// </summary>
internal sealed class ScriptedModel
{
    public const string Answer = "The Contoso Rail night train ends in Lisbon [1].";

    public const string AttachmentDescription = "A timetable of Contoso Rail departures to Lisbon.";

    public const string Document =
        "# Night trains\n\n" +
        "Contoso Rail runs a night train from Madrid. The Contoso Rail night train ends in Lisbon after nine hours.\n\n" +
        "Fabrikam Foods supplies the dining car of Contoso Rail with bread baked in Porto.\n";

    private const string Records =
        "entity<|>Contoso Rail<|>organization<|>Contoso Rail runs a night train from Madrid to Lisbon.\n" +
        "entity<|>Lisbon<|>location<|>Lisbon is where the Contoso Rail night train ends.\n" +
        "entity<|>Fabrikam Foods<|>organization<|>Fabrikam Foods supplies the dining car.\n" +
        "relation<|>Contoso Rail<|>Lisbon<|>route, terminus<|>The Contoso Rail night train ends in Lisbon.<|>8\n" +
        "relation<|>Fabrikam Foods<|>Contoso Rail<|>supplier<|>Fabrikam Foods supplies bread to Contoso Rail.<|>5\n";

    /// <summary>Gets or sets the reply to keyword prompts; tests replace it with malformed output.</summary>
    public string KeywordReply { get; set; } = """{"high_level_keywords": ["night trains"], "low_level_keywords": ["Contoso Rail", "Lisbon"]}""";

    /// <summary>Gets or sets the reply to extraction prompts; tests replace it with malformed output.</summary>
    public string ExtractionReply { get; set; } = Records;

    public StubReply Reply(StubChatRequest request)
    {
        var system = request.SystemText;
        if (system.Contains("knowledge graph from documents", StringComparison.Ordinal))
        {
            return StubReply.Text(ExtractionReply);
        }

        if (system.Contains("List search keywords", StringComparison.Ordinal))
        {
            return StubReply.Text(KeywordReply);
        }

        if (system.Contains("attached the item below", StringComparison.Ordinal))
        {
            return StubReply.Text(AttachmentDescription);
        }

        if (system.Contains("numbered context passages", StringComparison.Ordinal))
        {
            return StubReply.Text(Answer);
        }

        return StubReply.Text("A short description.");
    }
}
