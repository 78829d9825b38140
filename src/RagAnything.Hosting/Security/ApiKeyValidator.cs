using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RagAnything.Hosting.Security;

/// <summary>
/// Checks API keys in constant time. Keys are compared as SHA-256 hashes of their UTF-8 bytes, so every
/// comparison covers 32 bytes whatever the key lengths, and the loop visits every configured key.
/// </summary>
internal sealed class ApiKeyValidator
{
    private readonly byte[][] _keyHashes;

    public ApiKeyValidator(IOptions<RagAnythingHostingOptions> options)
    {
        _keyHashes = options.Value.Security.ApiKeys.Select(Hash).ToArray();
    }

    /// <summary>Gets whether keys are configured; without keys every request is accepted.</summary>
    public bool IsEnabled => _keyHashes.Length > 0;

    public bool IsValid(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate))
        {
            return false;
        }

        var candidateHash = Hash(candidate);
        var match = false;
        foreach (var keyHash in _keyHashes)
        {
            // No early exit: the time taken does not reveal which key, if any, matched.
            match |= CryptographicOperations.FixedTimeEquals(candidateHash, keyHash);
        }

        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
