using System.IO.Compression;
using RagAnything.Content;
using RagAnything.Parsing;
using Xunit.Abstractions;
using static RagAnything.Parsers.Tests.Office.OfficeTestParsing;

namespace RagAnything.Parsers.Tests.Office;

// Heap measurements count every allocation in the process, so this class runs alone, after the parallel tests.
[Collection(MemoryMeasurementCollection.Name)]
public sealed class XlsxLargeSheetTests(ITestOutputHelper output) : IDisposable
{
    private const int RowCount = 100_000;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"raganything-large-{Guid.NewGuid():N}.xlsx");

    [Fact]
    public async Task LargeSheet_StreamsIntoBoundedTables()
    {
        OfficeTestFiles.WriteLargeWorkbook(_path, RowCount);
        var uncompressedBytes = UncompressedSize(_path);
        var source = await DocumentSource.FromFileAsync(_path);
        var parser = new XlsxParser();

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var sampler = new HeapPeakSampler();

        var document = await ParseAsync(parser, source);

        var peak = sampler.Stop() - baseline;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        GC.KeepAlive(document);
        output.WriteLine($"sheet XML {uncompressedBytes:N0} B uncompressed, file {source.Content.Length:N0} B");
        output.WriteLine($"peak heap growth {peak:N0} B, retained result {retained:N0} B, working memory above result {peak - retained:N0} B, allocated {allocated:N0} B");

        var tables = ItemsOf<TableItem>(document);
        Assert.Equal(500, tables.Count);
        Assert.All(tables, table => Assert.True(table.Rows.Count <= OfficeParserOptions.DefaultMaxRowsPerTable + 1));
        Assert.All(tables, table => Assert.Equal(["Id", "Customer", "Amount", "Date", "Active"], table.Rows[0]));
        Assert.Equal(RowCount - 1, tables.Sum(table => table.Rows.Count - 1));
        Assert.Equal(["2", "Customer 3", "3.75", "3/18/2023", "FALSE"], tables[0].Rows[2]);
        Assert.Equal("99999", tables[^1].Rows[^1][0]);

        // The result itself (every cell as a .NET string) must stay, so the bound is on the memory used beyond it.
        // The sampled peak includes garbage not yet collected, so it overstates the working memory. A DOM of the
        // sheet would keep several times the XML size alive at once.
        Assert.True(peak - retained < uncompressedBytes, $"Working memory {peak - retained:N0} B is not under the sheet XML size {uncompressedBytes:N0} B.");
    }

    public void Dispose() => File.Delete(_path);

    private static long UncompressedSize(string path)
    {
        using var archive = ZipFile.OpenRead(path);
        return archive.Entries.Sum(entry => entry.Length);
    }

    /// <summary>Samples the managed heap size on a background thread and keeps the maximum.</summary>
    private sealed class HeapPeakSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;
        private long _peak;

        public HeapPeakSampler()
        {
            _thread = new Thread(Sample) { IsBackground = true };
            _thread.Start();
        }

        public long Stop()
        {
            _stop.Cancel();
            _thread.Join();
            return Math.Max(Interlocked.Read(ref _peak), GC.GetTotalMemory(forceFullCollection: false));
        }

        public void Dispose() => _stop.Dispose();

        private void Sample()
        {
            while (!_stop.IsCancellationRequested)
            {
                var current = GC.GetTotalMemory(forceFullCollection: false);
                if (current > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, current);
                }

                Thread.Sleep(2);
            }
        }
    }
}
