using Contoso.Etl.Models;

namespace Contoso.Etl.Transformers;

/// <summary>An entity's cleaning rules: the columns a source must have, and what one row becomes.</summary>
public interface IRowRules<T>
    where T : class
{
    /// <summary>The columns every source must have (matched by name, ignoring case); other columns are ignored.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>A clean record, or a <see cref="Rejection"/> saying what is wrong with the row.</summary>
    RowResult<T> Clean(SourceRow row);
}

/// <summary>Why a row was rejected, in words a user can act on (e.g. "email is not an e-mail address").</summary>
public readonly record struct Rejection(string Reason);

/// <summary>The outcome for one row: a clean record, or the reason it was rejected (return either; both convert).</summary>
public readonly record struct RowResult<T>(T? Record, string? RejectReason)
    where T : class
{
    public static implicit operator RowResult<T>(T record) => new(record, null);

    public static implicit operator RowResult<T>(Rejection rejection) => new(null, rejection.Reason);
}
