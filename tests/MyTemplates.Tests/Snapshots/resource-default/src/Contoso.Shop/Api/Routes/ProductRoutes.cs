using System.ComponentModel.DataAnnotations;
using Contoso.Shop.Api;
using Contoso.Shop.Api.Routes;
using Contoso.Shop.Models;
using Contoso.Shop.Repositories;
using Contoso.Shop.Services;
using Microsoft.AspNetCore.Http.HttpResults;

[assembly: ApiResource<ProductRoutes>]

namespace Contoso.Shop.Api.Routes;

/// <summary>The products resource: <c>/products</c>, its service and its repository.</summary>
public sealed class ProductRoutes : IApiResource
{
    public static void AddServices(IServiceCollection services) => services
        .AddScoped<IProductRepository, ProductRepository>()
        .AddScoped<ProductService>();

    public static void MapRoutes(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/products")
            .WithTag("products", "The products, each with a unique name.");

        group.MapGet("/", ListProducts)
            .WithName(nameof(ListProducts))
            .WithSummary("Lists products, oldest first.")
            .WithDescription("Returns one page of products, ordered by creation time, with the total number of products.")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", GetProduct)
            .WithName(nameof(GetProduct))
            .WithSummary("Gets one product.")
            .WithDescription("Returns the product with this id, or 404 if there is none.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Writes go through the shared group, which sets their access rules (Api/ApiExtensions.cs).
        var writes = group.MapWrites();

        writes.MapPost("/", CreateProduct)
            .WithName(nameof(CreateProduct))
            .WithSummary("Creates one product.")
            .WithDescription("Stores the name trimmed; a name another product has is a 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        writes.MapPatch("/{id:guid}", UpdateProduct)
            .WithName(nameof(UpdateProduct))
            .WithSummary("Changes one product's name.")
            .WithDescription("Fields that are absent stay as they are; fields that are present must be valid (null is not).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        writes.MapDelete("/{id:guid}", DeleteProduct)
            .WithName(nameof(DeleteProduct))
            .WithSummary("Deletes one product.")
            .WithDescription("Deletes the product with this id, or answers 404 if there is none.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<PagedResult<Product>>> ListProducts(
        ProductService service,
        CancellationToken cancellationToken,
        [Range(1, 1_000_000)] int page = 1,
        [Range(1, 100)] int size = 20) =>
        TypedResults.Ok(await service.ListAsync(page, size, cancellationToken));

    private static async Task<Results<Ok<Product>, NotFound>> GetProduct(
        Guid id, ProductService service, CancellationToken cancellationToken) =>
        await service.GetAsync(id, cancellationToken) is { } product ? TypedResults.Ok(product) : TypedResults.NotFound();

    private static async Task<Created<Product>> CreateProduct(
        CreateProductRequest request, ProductService service, CancellationToken cancellationToken)
    {
        var product = await service.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/products/{product.Id}", product);
    }

    private static async Task<Results<Ok<Product>, NotFound>> UpdateProduct(
        Guid id, UpdateProductRequest request, ProductService service, CancellationToken cancellationToken) =>
        await service.UpdateAsync(id, request, cancellationToken) is { } product ? TypedResults.Ok(product) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteProduct(
        Guid id, ProductService service, CancellationToken cancellationToken) =>
        await service.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
