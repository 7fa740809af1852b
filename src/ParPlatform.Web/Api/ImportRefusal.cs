using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Forms;
using Refit;

namespace ParPlatform.Web.Api;

/// <summary>
/// An import file refused for its rows (a service's 400, the import kit's): the reason, how many problems the rows have, and the
/// first of them (at most a thousand) with their row and column; nothing of the file was written.
/// </summary>
public sealed record ImportRefusal(string Message, int ProblemCount, IReadOnlyList<ImportRowProblem> Rows)
{
    /// <summary>
    /// Sends a file: the import accepted, its rows refused, or another refusal (too large, not CSV or Excel, the service busy…) as a
    /// problem to show.
    /// </summary>
    private static async Task<(T? Accepted, ImportRefusal? Refusal, ApiProblem? Problem)> SendAsync<T>(Func<Task<T>> send)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(send);
        ImportRefusal? refusal = null;
        var (accepted, problem) = await ApiProblem.TryAsync<T?>(async () =>
        {
            try
            {
                return await send();
            }
            catch (ApiException e) when (Of(e) is { } rows)
            {
                refusal = rows;
                return null;
            }
        });
        return (accepted, refusal, problem);
    }

    /// <summary>
    /// Sends a file the person chose, as every import form does: refused here when larger than <paramref name="maxBytes"/>,
    /// else streamed once as CSV or, by its name, Excel (.xlsx).
    /// </summary>
    public static async Task<(T? Accepted, ImportRefusal? Refusal, ApiProblem? Problem)> SendFileAsync<T>(
        IBrowserFile file, long maxBytes, Func<HttpContent, Task<T>> send)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(send);
        if (file.Size > maxBytes)
            return (null, null, new ApiProblem($"Tệp quá lớn: tối đa {maxBytes / 1024 / 1024} MB.", new Dictionary<string, string[]>()));
        await using var stream = file.OpenReadStream(maxBytes);
        using var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue(file.Name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv");
        return await SendAsync(() => send(content));
    }

    private static ImportRefusal? Of(ApiException exception) =>
        exception.StatusCode == HttpStatusCode.BadRequest && exception.Content is { Length: > 0 } content
            && JsonSerializer.Deserialize(content, GatewayJson.Default.ImportRefusalBody) is { Rows: { Count: > 0 } rows } body
            ? new ImportRefusal($"{body.Title} {body.Detail}".Trim(), body.ProblemCount, rows)
            : null;
}

/// <summary>The 400 of a file with bad rows as the services write it: a ProblemDetails with "problemCount" and "rows".</summary>
internal sealed record ImportRefusalBody(string? Title, string? Detail, int ProblemCount, IReadOnlyList<ImportRowProblem>? Rows);
