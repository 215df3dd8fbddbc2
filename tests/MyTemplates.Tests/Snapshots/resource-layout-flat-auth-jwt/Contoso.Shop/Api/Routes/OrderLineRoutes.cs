using System.ComponentModel.DataAnnotations;
using Contoso.Shop.Api;
using Contoso.Shop.Api.Routes;
using Contoso.Shop.Models;
using Contoso.Shop.Repositories;
using Contoso.Shop.Services;
using Microsoft.AspNetCore.Http.HttpResults;

[assembly: ApiResource<OrderLineRoutes>]

namespace Contoso.Shop.Api.Routes;

/// <summary>The order lines resource: <c>/order-lines</c>, its service and its repository.</summary>
public sealed class OrderLineRoutes : IApiResource
{
    public static void AddServices(IServiceCollection services) => services
        .AddScoped<IOrderLineRepository, OrderLineRepository>()
        .AddScoped<OrderLineService>();

    public static void MapRoutes(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/order-lines")
            .WithTag("order-lines", "The order lines, each with a unique name.");

        group.MapGet("/", ListOrderLines)
            .WithName(nameof(ListOrderLines))
            .WithSummary("Lists order lines, oldest first.")
            .WithDescription("Returns one page of order lines, ordered by creation time, with the total number of order lines.")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", GetOrderLine)
            .WithName(nameof(GetOrderLine))
            .WithSummary("Gets one order line.")
            .WithDescription("Returns the order line with this id, or 404 if there is none.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Writes go through the shared group, which sets their access rules (Api/ApiExtensions.cs).
        var writes = group.MapWrites();

        writes.MapPost("/", CreateOrderLine)
            .WithName(nameof(CreateOrderLine))
            .WithSummary("Creates one order line.")
            .WithDescription("Stores the name trimmed; a name another order line has is a 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        writes.MapPatch("/{id:guid}", UpdateOrderLine)
            .WithName(nameof(UpdateOrderLine))
            .WithSummary("Changes one order line's name.")
            .WithDescription("Fields that are absent stay as they are; fields that are present must be valid (null is not).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        writes.MapDelete("/{id:guid}", DeleteOrderLine)
            .WithName(nameof(DeleteOrderLine))
            .WithSummary("Deletes one order line.")
            .WithDescription("Deletes the order line with this id, or answers 404 if there is none.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<PagedResult<OrderLine>>> ListOrderLines(
        OrderLineService service,
        CancellationToken cancellationToken,
        [Range(1, 1_000_000)] int page = 1,
        [Range(1, 100)] int size = 20) =>
        TypedResults.Ok(await service.ListAsync(page, size, cancellationToken));

    private static async Task<Results<Ok<OrderLine>, NotFound>> GetOrderLine(
        Guid id, OrderLineService service, CancellationToken cancellationToken) =>
        await service.GetAsync(id, cancellationToken) is { } orderLine ? TypedResults.Ok(orderLine) : TypedResults.NotFound();

    private static async Task<Created<OrderLine>> CreateOrderLine(
        CreateOrderLineRequest request, OrderLineService service, CancellationToken cancellationToken)
    {
        var orderLine = await service.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/order-lines/{orderLine.Id}", orderLine);
    }

    private static async Task<Results<Ok<OrderLine>, NotFound>> UpdateOrderLine(
        Guid id, UpdateOrderLineRequest request, OrderLineService service, CancellationToken cancellationToken) =>
        await service.UpdateAsync(id, request, cancellationToken) is { } orderLine ? TypedResults.Ok(orderLine) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteOrderLine(
        Guid id, OrderLineService service, CancellationToken cancellationToken) =>
        await service.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
