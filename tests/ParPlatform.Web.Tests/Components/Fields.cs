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

    public static IElement? Optional<T>(this IRenderedComponent<T> rendered, string testId)
        where T : IComponent =>
        rendered.FindAll($"[data-testid={testId}]") is { Count: > 0 } found ? found[0] : null;
}
