using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace ParPlatform.Web.Tests.Components;

internal static class Fields
{
    /// <summary>The text of a form field (its label, value and error) by its data-testid, wherever MudBlazor puts the attribute.</summary>
    public static string FieldText<T>(this IRenderedComponent<T> rendered, string testId)
        where T : IComponent
    {
        var element = rendered.Find($"[data-testid={testId}]");
        return (element.Closest(".mud-input-control") ?? element).TextContent;
    }

    /// <summary>The data-testids of the buttons on show whose data-testid starts with <paramref name="prefix"/>.</summary>
    public static IEnumerable<string?> Buttons<T>(this IRenderedComponent<T> rendered, string prefix)
        where T : IComponent =>
        rendered.FindAll($"button[data-testid^={prefix}]").Select(b => b.GetAttribute("data-testid"));

    /// <summary>Types <paramref name="text"/> in a list's search box (a TableSearch) by its data-testid.</summary>
    public static void Search<T>(this IRenderedComponent<T> rendered, string testId, string text)
        where T : IComponent =>
        rendered.Find($"input[data-testid={testId}]").Input(text);

    /// <summary>Empties a list's search box by its cross, as a person does.</summary>
    public static void ClearSearch<T>(this IRenderedComponent<T> rendered, string testId)
        where T : IComponent =>
        rendered.Find($"input[data-testid={testId}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-clear-button")!.Click();

    /// <summary>The trimmed text of a table's column (1 the first) in each row shown, by the table's data-testid; a table with no row, its message.</summary>
    public static string[] Column<T>(this IRenderedComponent<T> rendered, string testId, int column)
        where T : IComponent =>
        [.. rendered.FindAll($"[data-testid={testId}] tbody tr > :nth-child({column})").Select(cell => cell.TextContent.Trim())];

    public static IElement? Optional<T>(this IRenderedComponent<T> rendered, string testId)
        where T : IComponent =>
        rendered.FindAll($"[data-testid={testId}]") is { Count: > 0 } found ? found[0] : null;
}
