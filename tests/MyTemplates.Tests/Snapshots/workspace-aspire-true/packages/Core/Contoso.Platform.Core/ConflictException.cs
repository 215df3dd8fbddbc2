namespace Contoso.Platform.Core;

/// <summary>The request contradicts the current state, e.g. an e-mail address that is already taken.</summary>
public sealed class ConflictException(string message) : Exception(message);
