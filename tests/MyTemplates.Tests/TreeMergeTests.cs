using System.Text;
using MyTemplates.Tests.Infrastructure;
using MyTemplates.Update;

namespace MyTemplates.Tests;

/// <summary>Each outcome of the update tool's file-by-file three-way merge, over three small trees.</summary>
public sealed class TreeMergeTests : IDisposable
{
    private static readonly (string, string, string) Labels = ("yours", "MyTemplates 1.0.0", "MyTemplates 1.1.0");
    private readonly TempDirectory temp = new("tree-merge");

    private string Ours => Folder("ours");

    private string Base => Folder("base");

    private string Theirs => Folder("theirs");

    public static TheoryData<string?, string?, string?, Change?, string?> Cases => new()
    {
        // base, theirs, ours → the change, and the file afterwards (null: absent)
        { "a\n", "a\n", "mine\n", null, "mine\n" },
        { "a\n", "b\n", "a\n", Change.Updated, "b\n" },
        { "a\n", "b\n", "b\n", null, "b\n" },
        { "1\n2\n3\n4\n5\n", "1\n2\n3\n4\nfive\n", "one\n2\n3\n4\n5\n", Change.Merged, "one\n2\n3\n4\nfive\n" },
        { "1\n", "theirs\n", "mine\n", Change.Conflict, "<<<<<<< yours\nmine\n=======\ntheirs\n>>>>>>> MyTemplates 1.1.0\n" },
        { null, "new\n", null, Change.Added, "new\n" },
        { null, "new\n", "mine\n", Change.Conflict, "<<<<<<< yours\nmine\n=======\nnew\n>>>>>>> MyTemplates 1.1.0\n" },
        { "a\n", null, "a\n", Change.Removed, null },
        { "a\n", null, "mine\n", Change.KeptChanged, "mine\n" },
        { "a\n", "b\n", null, Change.KeptDeleted, null },
        { "a\0", "b\0", "c\0", Change.BinaryConflict, "c\0" },
        { "a\0", "b\0", "a\0", Change.Updated, "b\0" },
        { "1\r\n2\r\n", "1\n2\nthree\n", "1\r\n2\r\n", Change.Updated, "1\r\n2\r\nthree\r\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_file_is_taken_kept_merged_or_marked_as_git_would(string? original, string? theirs, string? ours, Change? expected, string? after)
    {
        Write(Base, "src/file.txt", original);
        Write(Theirs, "src/file.txt", theirs);
        Write(Ours, "src/file.txt", ours);
        var merge = new TreeMerge(Ours, Base, Theirs, Labels, Folder("scratch"));

        var changes = await merge.PlanAsync(TestContext.Current.CancellationToken);
        merge.Apply(changes);

        Assert.Equal(expected, changes.SingleOrDefault()?.Change);
        var path = Path.Combine(Ours, "src", "file.txt");
        Assert.Equal(after, File.Exists(path) ? File.ReadAllText(path) : null);
    }

    [Fact]
    public async Task A_removed_file_takes_its_emptied_folders_with_it_but_not_the_solution()
    {
        Write(Base, "docs/old/notes.md", "a\n");
        Write(Ours, "docs/old/notes.md", "a\n");
        var merge = new TreeMerge(Ours, Base, Theirs, Labels, Folder("scratch"));

        merge.Apply(await merge.PlanAsync(TestContext.Current.CancellationToken));

        Assert.False(Directory.Exists(Path.Combine(Ours, "docs")));
        Assert.True(Directory.Exists(Ours));
    }

    [Fact]
    public void A_path_outside_the_solution_is_refused()
    {
        var merge = new TreeMerge(Ours, Base, Theirs, Labels, Folder("scratch"));

        var refused = Assert.Throws<UpdateException>(() => merge.InRoot("../elsewhere/file.txt"));

        Assert.Contains("outside the solution", refused.Message);
    }

    [Fact]
    public async Task The_answers_file_is_not_merged_but_rewritten_by_the_updater()
    {
        Write(Base, Answers.FileName, "{}\n");
        Write(Theirs, Answers.FileName, "{ \"packageVersion\": \"1.1.0\" }\n");
        Write(Ours, Answers.FileName, "{}\n");
        var merge = new TreeMerge(Ours, Base, Theirs, Labels, Folder("scratch"));

        Assert.Empty(await merge.PlanAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => temp.Dispose();

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(temp.Path, name)).FullName;

    private static void Write(string tree, string relativePath, string? content)
    {
        if (content is not null)
        {
            var path = Path.Combine(tree, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }
}
