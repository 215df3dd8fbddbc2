namespace Contoso.Shop.AppHost;

/// <summary>
/// Names this assembly, whose entry point (AppHost.cs) builds the app model, to tests that start it with
/// Aspire.Hosting.Testing's <c>DistributedApplicationTestingBuilder</c>.
/// </summary>
public static class AppModel;
