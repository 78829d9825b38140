// The RagAnything server: the REST API over SQLite in a data folder and the bundled ONNX embedding model.
// Settings come from appsettings.json and environment variables such as RagAnything__DataDirectory; see README.md.

var builder = WebApplication.CreateBuilder(args);

var dataDirectory = Path.GetFullPath(builder.Configuration["RagAnything:DataDirectory"] ?? "rag-data");
Directory.CreateDirectory(dataDirectory);

var rag = builder.Services.AddRagAnything(options => builder.Configuration.GetSection("RagAnything:Core").Bind(options))
    .AddDefaultParsers()
    .AddOnnxEmbeddings(onnx => builder.Configuration.GetSection("RagAnything:Onnx").Bind(onnx));

builder.Services.Configure<RagAnything.Parsing.ParserLimitsOptions>(builder.Configuration.GetSection("RagAnything:ParserLimits"));

// The chat model is optional. Without it, query results quote the cited chunks, and the knowledge graph comes
// from the offline extractor. Setting RagAnything:ChatModel:Model turns it on.
var chatModel = builder.Configuration.GetSection("RagAnything:ChatModel");
if (!string.IsNullOrWhiteSpace(chatModel["Model"]))
{
    rag.AddOpenAIChatClient(chatModel);
}

builder.Services.AddRagAnythingSqliteStorage(sqlite => sqlite.DatabasePath = Path.Combine(dataDirectory, "rag.db"));
builder.Services.AddRagAnythingHosting(options =>
{
    builder.Configuration.GetSection("RagAnything:Hosting").Bind(options);
    options.DataDirectory = dataDirectory;
});
builder.Services.AddOpenApi();

var app = builder.Build();
app.MapOpenApi();
app.MapRagAnything();
app.Run();
