using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using static MyTemplates.Tests.Infrastructure.ProblemAssert;

namespace MyTemplates.Tests.Infrastructure;

/// <summary>A resource added with <c>dotnet new myapp-resource</c> as a user adds it, and its life over HTTP once the app runs.</summary>
public static partial class AddedResource
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// What a user types: <c>dotnet new myapp-resource -n Name</c> in the web (or API) project's folder,
    /// then the migration command it printed, as printed, which must be <paramref name="expectedCommand"/>.
    /// </summary>
    public static async Task AddAsync(TemplatePack pack, string projectFolder, string name, string expectedCommand)
    {
        var added = await pack.DotnetNewAsync(projectFolder, "myapp-resource", "-n", name);
        Assert.True(added.ExitCode == 0, added.ToString());
        var command = MigrationCommand().Match(added.StandardOutput);
        Assert.True(command.Success, $"myapp-resource printed no migration command:\n{added}");
        Assert.Equal(expectedCommand, command.Groups["command"].Value);

        var migrated = await ProcessRunner.RunAsync("sh", ["-c", command.Groups["command"].Value], projectFolder, TimeSpan.FromMinutes(5),
            cancellationToken: Ct);
        Assert.True(migrated.ExitCode == 0, $"{command.Groups["command"].Value}\n{migrated}");
    }

    /// <summary>The whole life of a product (the resource <c>-n Product</c> added) over HTTP: create, read, refuse, change, list, delete.</summary>
    public static async Task SpeakToTheProductsApiAsync(HttpClient http)
    {
        var created = await http.PostAsJsonAsync("/products", new { name = " Teapot " }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {await created.Content.ReadAsStringAsync(Ct)}");
        var product = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = product.GetProperty("id").GetString();
        Assert.Equal("Teapot", product.GetProperty("name").GetString());
        Assert.Equal($"/products/{id}", created.Headers.Location?.OriginalString);

        Assert.Equal("Teapot", (await http.GetFromJsonAsync<JsonElement>($"/products/{id}", Ct)).GetProperty("name").GetString());
        await AssertProblemAsync(await http.PostAsJsonAsync("/products", new { name = "Teapot" }, Ct), HttpStatusCode.Conflict);
        await AssertProblemAsync(await http.PostAsJsonAsync("/products", new { name = " " }, Ct), HttpStatusCode.BadRequest);

        var patched = await http.PatchAsJsonAsync($"/products/{id}", new { name = "Kettle" }, Ct);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Kettle", (await patched.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("name").GetString());

        var page = await http.GetFromJsonAsync<JsonElement>("/products?page=1&size=10", Ct);
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(id, page.GetProperty("items")[0].GetProperty("id").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/products/{id}", Ct)).StatusCode);
        await AssertProblemAsync(await http.GetAsync($"/products/{id}", Ct), HttpStatusCode.NotFound);
    }

    [GeneratedRegex(@"(?m)^Manual instructions: (?<command>dotnet .+?)\s*$")]
    private static partial Regex MigrationCommand();
}
