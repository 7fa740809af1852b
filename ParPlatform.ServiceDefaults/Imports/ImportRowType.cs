using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.ServiceDefaults.Imports;

/// <summary>Marks a column of a row type that a CSV or XLSX file's header must name (its cells may still be empty).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class RequiredColumnAttribute : Attribute;

/// <summary>
/// The name a file gives a column of a row type, where it is not the parameter's name in camelCase: a table people keep in
/// Vietnamese ("Chủ trì", "Thời gian").
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ColumnNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// The columns of a row type (<see cref="ImportReader"/> says what one is), read once per type; here a row's
/// cells become the row, or a problem for each cell that does not convert.
/// </summary>
internal sealed class ImportRowType
{
    private static readonly Type[] Supported =
        [typeof(string), typeof(int?), typeof(long?), typeof(decimal?), typeof(bool?), typeof(DateTimeOffset?), typeof(DateOnly?)];

    private readonly ConstructorInfo _constructor;
    private readonly Type[] _types;
    private readonly Dictionary<string, int> _indexes;

    private ImportRowType(Type type)
    {
        var constructors = type.GetConstructors();
        if (constructors.Length != 1)
            throw new InvalidOperationException($"The import row type {type.Name} needs exactly one public constructor, whose parameters are its columns.");
        _constructor = constructors[0];
        var parameters = _constructor.GetParameters();
        foreach (var parameter in parameters.Where(p => !Supported.Contains(p.ParameterType)))
            throw new InvalidOperationException($"The column {parameter.Name} of {type.Name} is a {parameter.ParameterType.Name}; an import reads {string.Join(", ", Supported.Select(t => t.ToString()))}.");
        _types = [.. parameters.Select(p => Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType)];
        Columns = [.. parameters.Select(ColumnName)];
        RequiredColumns = [.. parameters.Where(p => p.IsDefined(typeof(RequiredColumnAttribute))).Select(ColumnName)];
        _indexes = Columns.Select((column, index) => (column, index)).ToDictionary(c => c.column, c => c.index, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Columns { get; }

    private static string ColumnName(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<ColumnNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);

    public IReadOnlyList<string> RequiredColumns { get; }

    public static ImportRowType Of<TRow>() => Cache<TRow>.Type;

    /// <summary>The index of <paramref name="column"/> in <see cref="Columns"/>, or -1.</summary>
    public int IndexOf(string column) => _indexes.GetValueOrDefault(column, -1);

    /// <summary>
    /// The row of <paramref name="cells"/> (by the index of their column; null or empty when empty), or null
    /// after adding to <paramref name="problems"/> each cell that does not convert.
    /// </summary>
    public object? Create(int row, string?[] cells, ImportProblems problems)
    {
        var values = new object?[_types.Length];
        var converted = true;
        for (var i = 0; i < _types.Length; i++)
        {
            if (string.IsNullOrEmpty(cells[i]))
                continue;
            var (value, problem) = Convert(_types[i], cells[i]!);
            if (problem is null)
            {
                values[i] = value;
                continue;
            }
            problems.Add(row, Columns[i], problem);
            converted = false;
        }
        return converted ? _constructor.Invoke(values) : null;
    }

    /// <summary>A cell's value of <paramref name="type"/>, or why it is not one.</summary>
    private static (object? Value, string? Problem) Convert(Type type, string text)
    {
        if (type == typeof(string))
            return (text, null);
        if (type == typeof(int) || type == typeof(long))
        {
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                return (null, $"\"{text}\" không phải là số nguyên, viết không dấu phân cách (ví dụ 50000).");
            if (type == typeof(long))
                return (whole, null);
            return whole is >= int.MinValue and <= int.MaxValue ? ((int)whole, null) : (null, $"\"{text}\" quá lớn.");
        }
        if (type == typeof(decimal))
        {
            // A decimal comma is how people write half a day: "0,5".
            return decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                ? (number, null)
                : (null, $"\"{text}\" không phải là số.");
        }
        if (type == typeof(bool))
        {
            return text.ToUpperInvariant() switch
            {
                "TRUE" or "1" or "CÓ" or "X" => (true, null),
                "FALSE" or "0" or "KHÔNG" => (false, null),
                _ => (null, $"\"{text}\" phải là true/false (có/không)."),
            };
        }
        if (type == typeof(DateOnly))
        {
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? (date, null)
                : (null, $"\"{text}\" không phải ngày dạng 2025-12-03.");
        }
        // An instant: ISO 8601 with an offset ("2025-12-03T08:15:00+07:00", "…Z"), or a time in Vietnam without one ("2025-12-03 08:15").
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return (WorkingCalendar.FromVietnamTime(local), null);
        return DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? (instant.ToUniversalTime(), null)
            : (null, $"\"{text}\" không phải thời điểm dạng 2025-12-03T08:15:00+07:00 hoặc 2025-12-03 08:15 (giờ Việt Nam).");
    }

    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    private static readonly string[] OffsetFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK"];

    private static class Cache<TRow>
    {
        public static readonly ImportRowType Type = new(typeof(TRow));
    }
}
