using System.ComponentModel.DataAnnotations;
using Company.WebApi.Api;
using Company.WebApi.Api.Routes;
using Company.WebApi.Models;
#if (!Workspace)
using Company.WebApi.Repositories;
#endif
using Company.WebApi.Services;
using Microsoft.AspNetCore.Http.HttpResults;

[assembly: ApiResource<SampleItemRoutes>]

namespace Company.WebApi.Api.Routes;

#if (Workspace)
/// <summary>The sample items resource: <c>/sample-items</c>, over Core's <see cref="SampleItemService"/>.</summary>
public sealed class SampleItemRoutes : IApiResource
{
#else
/// <summary>The sample items resource: <c>/sample-items</c>, its service and its repository.</summary>
public sealed class SampleItemRoutes : IApiResource
{
    public static void AddServices(IServiceCollection services) => services
        .AddScoped<ISampleItemRepository, SampleItemRepository>()
        .AddScoped<SampleItemService>();

#endif
    public static void MapRoutes(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sample-items")
            .WithTag("sample-items", "The sample items, each with a unique name.");

        group.MapGet("/", ListSampleItems)
            .WithName(nameof(ListSampleItems))
            .WithSummary("Lists sample items, oldest first.")
            .WithDescription("Returns one page of sample items, ordered by creation time, with the total number of sample items.")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", GetSampleItem)
            .WithName(nameof(GetSampleItem))
            .WithSummary("Gets one sample item.")
            .WithDescription("Returns the sample item with this id, or 404 if there is none.")
            .ProducesProblem(StatusCodes.Status404NotFound);

#if (!Workspace)
        // Writes go through the shared group, which sets their access rules (Api/ApiExtensions.cs).
        var writes = group.MapWrites();

#endif
#if (Workspace)
        group.MapPost("/", CreateSampleItem)
#else
        writes.MapPost("/", CreateSampleItem)
#endif
            .WithName(nameof(CreateSampleItem))
            .WithSummary("Creates one sample item.")
            .WithDescription("Stores the name trimmed; a name another sample item has is a 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

#if (Workspace)
        group.MapPatch("/{id:guid}", UpdateSampleItem)
#else
        writes.MapPatch("/{id:guid}", UpdateSampleItem)
#endif
            .WithName(nameof(UpdateSampleItem))
            .WithSummary("Changes one sample item's name.")
            .WithDescription("Fields that are absent stay as they are; fields that are present must be valid (null is not).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

#if (Workspace)
        group.MapDelete("/{id:guid}", DeleteSampleItem)
#else
        writes.MapDelete("/{id:guid}", DeleteSampleItem)
#endif
            .WithName(nameof(DeleteSampleItem))
            .WithSummary("Deletes one sample item.")
            .WithDescription("Deletes the sample item with this id, or answers 404 if there is none.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<PagedResult<SampleItem>>> ListSampleItems(
        SampleItemService service,
        CancellationToken cancellationToken,
        [Range(1, 1_000_000)] int page = 1,
        [Range(1, 100)] int size = 20) =>
        TypedResults.Ok(await service.ListAsync(page, size, cancellationToken));

    private static async Task<Results<Ok<SampleItem>, NotFound>> GetSampleItem(
        Guid id, SampleItemService service, CancellationToken cancellationToken) =>
        await service.GetAsync(id, cancellationToken) is { } sampleItem ? TypedResults.Ok(sampleItem) : TypedResults.NotFound();

    private static async Task<Created<SampleItem>> CreateSampleItem(
        CreateSampleItemRequest request, SampleItemService service, CancellationToken cancellationToken)
    {
        var sampleItem = await service.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/sample-items/{sampleItem.Id}", sampleItem);
    }

    private static async Task<Results<Ok<SampleItem>, NotFound>> UpdateSampleItem(
        Guid id, UpdateSampleItemRequest request, SampleItemService service, CancellationToken cancellationToken) =>
        await service.UpdateAsync(id, request, cancellationToken) is { } sampleItem ? TypedResults.Ok(sampleItem) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteSampleItem(
        Guid id, SampleItemService service, CancellationToken cancellationToken) =>
        await service.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
