using System.ComponentModel.DataAnnotations;
using Contoso.Shop.Api;
using Contoso.Shop.Api.Routes;
using Contoso.Shop.Models;
using Contoso.Shop.Repositories;
using Contoso.Shop.Services;
using Microsoft.AspNetCore.Http.HttpResults;

[assembly: ApiResource<PersonRoutes>]

namespace Contoso.Shop.Api.Routes;

/// <summary>The people resource: <c>/people</c>, its service and its repository.</summary>
public sealed class PersonRoutes : IApiResource
{
    public static void AddServices(IServiceCollection services) => services
        .AddScoped<IPersonRepository, PersonRepository>()
        .AddScoped<PersonService>();

    public static void MapRoutes(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/people")
            .WithTag("people", "The people, each with a unique name.");

        group.MapGet("/", ListPeople)
            .WithName(nameof(ListPeople))
            .WithSummary("Lists people, oldest first.")
            .WithDescription("Returns one page of people, ordered by creation time, with the total number of people.")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", GetPerson)
            .WithName(nameof(GetPerson))
            .WithSummary("Gets one person.")
            .WithDescription("Returns the person with this id, or 404 if there is none.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Writes go through the shared group, which sets their access rules (Api/ApiExtensions.cs).
        var writes = group.MapWrites();

        writes.MapPost("/", CreatePerson)
            .WithName(nameof(CreatePerson))
            .WithSummary("Creates one person.")
            .WithDescription("Stores the name trimmed; a name another person has is a 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        writes.MapPatch("/{id:guid}", UpdatePerson)
            .WithName(nameof(UpdatePerson))
            .WithSummary("Changes one person's name.")
            .WithDescription("Fields that are absent stay as they are; fields that are present must be valid (null is not).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        writes.MapDelete("/{id:guid}", DeletePerson)
            .WithName(nameof(DeletePerson))
            .WithSummary("Deletes one person.")
            .WithDescription("Deletes the person with this id, or answers 404 if there is none.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<PagedResult<Person>>> ListPeople(
        PersonService service,
        CancellationToken cancellationToken,
        [Range(1, 1_000_000)] int page = 1,
        [Range(1, 100)] int size = 20) =>
        TypedResults.Ok(await service.ListAsync(page, size, cancellationToken));

    private static async Task<Results<Ok<Person>, NotFound>> GetPerson(
        Guid id, PersonService service, CancellationToken cancellationToken) =>
        await service.GetAsync(id, cancellationToken) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound();

    private static async Task<Created<Person>> CreatePerson(
        CreatePersonRequest request, PersonService service, CancellationToken cancellationToken)
    {
        var person = await service.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/people/{person.Id}", person);
    }

    private static async Task<Results<Ok<Person>, NotFound>> UpdatePerson(
        Guid id, UpdatePersonRequest request, PersonService service, CancellationToken cancellationToken) =>
        await service.UpdateAsync(id, request, cancellationToken) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeletePerson(
        Guid id, PersonService service, CancellationToken cancellationToken) =>
        await service.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
