using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagAnything.Hosting.Endpoints.Contracts;
using RagAnything.Hosting.Endpoints.Paging;
using RagAnything.Hosting.Problems;
using RagAnything.Hosting.Tasks;

namespace RagAnything.Hosting.Endpoints;

/// <summary>
/// Maps the routes that list, read and cancel processing tasks.
/// </summary>
internal static class TaskEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        var options = group.ServiceProvider.GetRequiredService<IOptions<RagAnythingHostingOptions>>().Value;

        group.MapGet("/tasks", ListAsync)
            .WithName("ListTasks")
            .WithSummary("Lists processing tasks oldest first, one page per request; the order holds across pages, because task ids begin with their creation time.")
            .WithDescription(PageParameters.Describe(options))
            .Produces<PageResponse<TaskResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/tasks/{id}", GetAsync)
            .WithName("GetTask")
            .WithSummary("Returns one task with its status, progress and error.")
            .Produces<TaskResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/tasks/{id}/cancel", CancelAsync)
            .WithName("CancelTask")
            .WithSummary("Cancels a task: a queued one at once (200), a running one as soon as its stage stops (202).")
            .Produces<TaskResponse>(StatusCodes.Status200OK)
            .Produces<TaskResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(
        HttpContext context,
        TaskStore store,
        TaskCoordinator coordinator,
        PageCursors cursors,
        IOptions<RagAnythingHostingOptions> options,
        int? pageSize,
        string? cursor,
        CancellationToken cancellationToken)
    {
        var (request, problem) = PageParameters.Check(context, PageListing.Tasks, pageSize, cursor, options.Value, cursors);
        if (problem is not null)
        {
            return problem;
        }

        var (items, lastId) = await store.ListAsync(request.StoreToken, request.Size, cancellationToken).ConfigureAwait(false);
        var live = coordinator.WithLiveState(items);
        var next = cursors.Issue(PageListing.Tasks, lastId);
        return Results.Ok(new PageResponse<TaskResponse>(live.Select(TaskResponse.From).ToList(), next));
    }

    private static async Task<IResult> GetAsync(string id, TaskCoordinator coordinator, CancellationToken cancellationToken)
    {
        var task = await coordinator.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return task is null ? ApiProblems.NotFound("task", id) : Results.Ok(TaskResponse.From(task));
    }

    private static async Task<IResult> CancelAsync(string id, TaskCoordinator coordinator, CancellationToken cancellationToken)
    {
        var (outcome, task) = await coordinator.CancelAsync(id, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            CancelOutcome.Cancelled => Results.Ok(TaskResponse.From(task!)),
            CancelOutcome.Requested => Results.Json(TaskResponse.From(task!), statusCode: StatusCodes.Status202Accepted),
            CancelOutcome.AlreadyTerminal => ApiProblems.Conflict($"Task {id} already ended as {ApiNames.Of(task!.Status)}; there is nothing to cancel."),
            _ => ApiProblems.NotFound("task", id),
        };
    }
}
