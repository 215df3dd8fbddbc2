using System.ComponentModel.DataAnnotations;
using Contoso.Shop.Api.Middleware;
using Contoso.Shop.Models;
using Contoso.Shop.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contoso.Shop.Api.Routes;

public static class UserRoutes
{
    public static RouteGroupBuilder MapUserRoutes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/users")
            .WithTags("users")
            .AddEndpointFilter<DatabaseReadyFilter>();

        group.MapGet("/", ListUsers)
            .WithName(nameof(ListUsers))
            .WithSummary("Lists users, oldest first.")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", GetUser)
            .WithName(nameof(GetUser))
            .WithSummary("Gets one user.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", CreateUser)
            .WithName(nameof(CreateUser))
            .WithSummary("Creates a user; the e-mail address must be unused.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPatch("/{id:guid}", UpdateUser)
            .WithName(nameof(UpdateUser))
            .WithSummary("Changes a user's e-mail address or name; absent fields stay as they are.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/{id:guid}", DeleteUser)
            .WithName(nameof(DeleteUser))
            .WithSummary("Deletes a user.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<Ok<PagedResult<User>>> ListUsers(
        UserService users,
        CancellationToken cancellationToken,
        [Range(1, int.MaxValue)] int page = 1,
        [Range(1, 100)] int size = 20) =>
        TypedResults.Ok(await users.ListAsync(page, size, cancellationToken));

    private static async Task<Results<Ok<User>, NotFound>> GetUser(Guid id, UserService users, CancellationToken cancellationToken) =>
        await users.GetAsync(id, cancellationToken) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();

    private static async Task<Created<User>> CreateUser(UserCreate request, UserService users, CancellationToken cancellationToken)
    {
        var user = await users.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/users/{user.Id}", user);
    }

    private static async Task<Results<Ok<User>, NotFound>> UpdateUser(
        Guid id, UserUpdate request, UserService users, CancellationToken cancellationToken) =>
        await users.UpdateAsync(id, request, cancellationToken) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteUser(Guid id, UserService users, CancellationToken cancellationToken) =>
        await users.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
