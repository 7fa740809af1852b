namespace ParPlatform.SharedKernel;

/// <summary>A rule of an aggregate refuses the change (a step its state does not allow, a second apology…): 409 with the reason, nothing written.</summary>
public sealed class DomainRuleException(string message) : Exception(message);

/// <summary>A value the aggregate cannot take: 400 naming the field (its JSON name), nothing written.</summary>
public sealed class DomainInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
