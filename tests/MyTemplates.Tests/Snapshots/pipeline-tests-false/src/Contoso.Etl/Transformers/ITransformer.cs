using Contoso.Etl.Models;

namespace Contoso.Etl.Transformers;

/// <summary>The outcome for one row: a clean user, or the reason it was rejected.</summary>
public readonly record struct TransformResult(User? User, string? RejectReason)
{
    public static TransformResult Accept(User user) => new(user, null);

    public static TransformResult Reject(string reason) => new(null, reason);
}

public interface ITransformer
{
    TransformResult Transform(SourceRow row);
}
