namespace ParPlatform.ServiceDefaults;

/// <summary>
/// Field errors of a request, keyed by its JSON field name, in Vietnamese (a person reads them);
/// answered as a 400 ValidationProblem, with nothing written.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string error)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(error);
        return this;
    }

    /// <summary>The problems a domain rule found, each with the field it is about.</summary>
    public static FieldErrors Of(IEnumerable<(string Field, string Problem)> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var errors = new FieldErrors();
        foreach (var (field, problem) in problems)
            errors.Add(field, problem);
        return errors;
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>A required text of at most <paramref name="maxLength"/> characters.</summary>
    public void RequireText(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, "Không được để trống.");
        else if (value.Trim().Length > maxLength)
            Add(field, $"Tối đa {maxLength} ký tự.");
    }
}
