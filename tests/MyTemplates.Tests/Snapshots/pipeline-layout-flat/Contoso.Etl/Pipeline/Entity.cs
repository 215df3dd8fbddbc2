using Contoso.Etl.Loaders;
using Contoso.Etl.Models;
using Contoso.Etl.Transformers;

namespace Contoso.Etl.Pipeline;

/// <summary>
/// One kind of record the pipeline loads: its name on the command line (<c>--entity</c>), its cleaning rules
/// (which also say which columns a source must have) and its table. The stages learn everything they know
/// about a record from here, so they are the same for every entity.
/// </summary>
public abstract class Entity
{
    private protected Entity(string name) => Name = name;

    public string Name { get; }

    /// <summary>The columns every source of this entity must have.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    public static Entity Of<T>(string name, IRowRules<T> rules, TableMap<T> table)
        where T : class => new Entity<T>(name, rules, table);

    /// <summary>Runs <paramref name="pipeline"/> typed for this entity's records: from here the stages know <c>T</c>.</summary>
    internal abstract Task<PipelineSummary> RunTypedAsync(EtlPipeline pipeline, RejectWriter rejects, CancellationToken cancellationToken);

    public override string ToString() => Name;
}

/// <summary>An entity whose clean records are <typeparamref name="T"/>.</summary>
public sealed class Entity<T> : Entity
    where T : class
{
    internal Entity(string name, IRowRules<T> rules, TableMap<T> table)
        : base(name) => (Rules, Table) = (rules, table);

    public IRowRules<T> Rules { get; }

    public TableMap<T> Table { get; }

    public override IReadOnlyList<string> Columns => Rules.Columns;

    internal override Task<PipelineSummary> RunTypedAsync(EtlPipeline pipeline, RejectWriter rejects, CancellationToken cancellationToken) =>
        pipeline.RunAsync(this, rejects, cancellationToken);
}
