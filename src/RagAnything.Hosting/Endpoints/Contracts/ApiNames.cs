using System.Text.Json;

namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>
/// Converts enum values to the camelCase names the API uses in JSON, such as <c>processed</c> or <c>validation</c>.
/// </summary>
internal static class ApiNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
