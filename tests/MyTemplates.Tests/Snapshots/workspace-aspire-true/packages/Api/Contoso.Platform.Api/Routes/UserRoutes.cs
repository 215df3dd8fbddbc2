using System.ComponentModel.DataAnnotations;
using Contoso.Platform.Api;
using Contoso.Platform.Api.Routes;
using Contoso.Platform.Core.Models;
using Contoso.Platform.Core.Services;
using Microsoft.AspNetCore.Http.HttpResults;

[assembly: ApiResource<UserRoutes>]

namespace Contoso.Platform.Api.Routes;

/// <summary>The users resource: <c>/users</c>, over Core's <see cref="UserService"/>.</summary>
public sealed class UserRoutes : IApiResource
{
    public static void MapRoutes(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/users")
            .WithTag("users", "The people who use the service, each with a unique e-mail address.");

        group.MapGet("/", ListUsers)
            .WithName(nameof(ListUsers))
            .WithSummary("Lists users, oldest first.")
            .WithDescription("Returns one page of users, ordered by creation time, with the total number of users.")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", GetUser)
            .WithName(nameof(GetUser))
            .WithSummary("Gets one user.")
            .WithDescription("Returns the user with this id, or 404 if there is none.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", CreateUser)
            .WithName(nameof(CreateUser))
            .WithSummary("Creates a user.")
            .WithDescription("Stores the e-mail address trimmed and in lower case; an address another user has is a 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPatch("/{id:guid}", UpdateUser)
            .WithName(nameof(UpdateUser))
            .WithSummary("Changes a user's e-mail address or name.")
            .WithDescription("Fields that are absent stay as they are; fields that are present must be valid (null is not).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/{id:guid}", DeleteUser)
            .WithName(nameof(DeleteUser))
            .WithSummary("Deletes a user.")
            .WithDescription("Deletes the user with this id, or answers 404 if there is none.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<PagedResult<User>>> ListUsers(
        UserService users,
        CancellationToken cancellationToken,
        [Range(1, 1_000_000)] int page = 1,
        [Range(1, 100)] int size = 20) =>
        TypedResults.Ok(await users.ListAsync(page, size, cancellationToken));

    private static async Task<Results<Ok<User>, NotFound>> GetUser(Guid id, UserService users, CancellationToken cancellationToken) =>
        await users.GetAsync(id, cancellationToken) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();

    private static async Task<Created<User>> CreateUser(CreateUserRequest request, UserService users, CancellationToken cancellationToken)
    {
        var user = await users.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/users/{user.Id}", user);
    }

    private static async Task<Results<Ok<User>, NotFound>> UpdateUser(
        Guid id, UpdateUserRequest request, UserService users, CancellationToken cancellationToken) =>
        await users.UpdateAsync(id, request, cancellationToken) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteUser(Guid id, UserService users, CancellationToken cancellationToken) =>
        await users.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
