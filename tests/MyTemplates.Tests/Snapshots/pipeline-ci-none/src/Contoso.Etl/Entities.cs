using Contoso.Etl.Loaders;
using Contoso.Etl.Pipeline;
using Contoso.Etl.Transformers;

namespace Contoso.Etl;

/// <summary>What the pipeline loads, one line each: a name for <c>--entity</c>, the cleaning rules, the table.</summary>
public static class Entities
{
    /// <summary>Every entity; the first is the default when the command line names none.</summary>
    public static IReadOnlyList<Entity> All { get; } =
    [
        Entity.Of("users", new UserRules(), UserTable.Map),
    ];
}
