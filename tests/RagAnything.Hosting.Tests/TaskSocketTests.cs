using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using RagAnything.Hosting.Tests.Infrastructure;

namespace RagAnything.Hosting.Tests;

public sealed class TaskSocketTests : ServerTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    internal override ServerSettings CreateSettings() => new()
    {
        DataFolder = DataFolder,
        Configure = options => options.Streaming.HeartbeatInterval = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task Socket_sends_task_events_as_json()
    {
        await using var socket = await SocketClient.ConnectAsync(Server.BaseAddress);

        using var upload = await Client.UploadAsync("socket.txt", Encoding.UTF8.GetBytes("Otters hold hands while they sleep so they do not drift apart."));
        var taskId = (await upload.ReadJsonAsync()).GetProperty("taskId").GetString()!;

        var messages = await socket.ReceiveUntilAsync(message => IsTask(message, taskId, "succeeded"), Timeout);
        var ours = messages.Where(message => message.GetProperty("task").ValueKind == JsonValueKind.Object && message.GetProperty("task").GetProperty("id").GetString() == taskId).ToList();

        Assert.Contains(ours, message => IsTask(message, taskId, "queued"));
        Assert.Contains(ours, message => IsTask(message, taskId, "running"));
        Assert.Contains(ours, message => message.GetProperty("type").GetString() == "progress");
        var last = ours[^1].GetProperty("task");
        Assert.Equal("socket.txt", last.GetProperty("documentName").GetString());
        Assert.Equal(100, last.GetProperty("percent").GetInt32());
    }

    [Fact]
    public async Task Idle_socket_sends_heartbeats()
    {
        await using var socket = await SocketClient.ConnectAsync(Server.BaseAddress);

        for (var count = 0; count < 2; count++)
        {
            var message = await socket.ReceiveAsync(TimeSpan.FromSeconds(5));
            Assert.Equal("heartbeat", message.GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.Null, message.GetProperty("task").ValueKind);
        }
    }

    [Fact]
    public async Task Client_close_is_answered_cleanly()
    {
        await using var socket = await SocketClient.ConnectAsync(Server.BaseAddress);
        await WaitForStreamClientsAsync(1);

        using var timeout = new CancellationTokenSource(Timeout);
        await socket.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "test done", timeout.Token);

        Assert.Equal(WebSocketState.Closed, socket.Socket.State);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.Socket.CloseStatus);
        await WaitForStreamClientsAsync(0);
    }

    [Fact]
    public async Task Plain_get_is_400_problem()
    {
        using var response = await Client.GetAsync($"{Api.Prefix}/ws/tasks");
        Api.AssertProblem(response, System.Net.HttpStatusCode.BadRequest, await response.ReadJsonAsync(), "validation");
    }

    private static bool IsTask(JsonElement message, string taskId, string status)
        => message.GetProperty("type").GetString() == "task"
            && message.GetProperty("task").GetProperty("id").GetString() == taskId
            && message.GetProperty("task").GetProperty("status").GetString() == status;

    private async Task WaitForStreamClientsAsync(int expected)
    {
        var deadline = DateTime.UtcNow + Timeout;
        var clients = -1;
        while (DateTime.UtcNow < deadline)
        {
            clients = (await Client.GetJsonAsync("/api/system/status")).GetProperty("streamClients").GetInt32();
            if (clients == expected)
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"The status route reports {clients} stream clients, not {expected}, after {Timeout}.");
    }
}
