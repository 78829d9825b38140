using Microsoft.Extensions.AI;
using RagAnything.Hosting.Endpoints.Contracts;
using RagAnything.Query;

namespace RagAnything.Hosting.Endpoints;

/// <summary>
/// Checks a query body and turns it into a <see cref="QueryRequest"/>, or into the message of a 400 response.
/// </summary>
internal static class QueryRequestMapper
{
    public static bool TryMap(QueryRequestBody? body, out QueryRequest request, out string error)
    {
        request = null!;
        error = string.Empty;

        if (body is null || string.IsNullOrWhiteSpace(body.Query))
        {
            error = "The 'query' field is missing or empty. Send the question to answer.";
            return false;
        }

        var mode = QueryMode.Naive;
        if (body.Mode is not null && !DocumentEndpoints.TryParseName(body.Mode, out mode))
        {
            error = $"Mode '{body.Mode}' is invalid. Use one of: {string.Join(", ", Enum.GetValues<QueryMode>().Select(ApiNames.Of))}.";
            return false;
        }

        if (body.TopK is < 1)
        {
            error = $"topK = {body.TopK} is invalid. It must be at least 1, or left out for the configured default.";
            return false;
        }

        var history = new List<ChatMessage>();
        foreach (var turn in body.History ?? [])
        {
            if (!TryParseRole(turn.Role, out var role) || turn.Content is null)
            {
                error = $"History entry with role '{turn.Role}' is invalid. Each entry needs a role of 'user', 'assistant' or 'system' and a content string.";
                return false;
            }

            history.Add(new ChatMessage(role, turn.Content));
        }

        request = new QueryRequest
        {
            Query = body.Query,
            Mode = mode,
            TopK = body.TopK,
            DocumentIds = body.DocumentIds,
            History = history,
        };
        return true;
    }

    private static bool TryParseRole(string? name, out ChatRole role)
    {
        role = name?.ToUpperInvariant() switch
        {
            "USER" => ChatRole.User,
            "ASSISTANT" => ChatRole.Assistant,
            "SYSTEM" => ChatRole.System,
            _ => default,
        };

        return role != default;
    }
}
