namespace Fabula;

/// <summary>The input cannot be read as a story. Its message is one line a person understands.</summary>
public sealed class FabulaInputException(string message) : Exception(message);
