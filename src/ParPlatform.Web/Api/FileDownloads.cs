using Microsoft.JSInterop;
using Refit;

namespace ParPlatform.Web.Api;

/// <summary>
/// Hands a document the API answers (a report as .docx) to the person's browser, which saves it under the name the API gives
/// (wwwroot/download.js); a refusal becomes the problem to show.
/// </summary>
public sealed class FileDownloads(IJSRuntime js)
{
    public async Task<ApiProblem?> SaveAsync(Func<Task<ApiResponse<Stream>>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var (response, problem) = await ApiProblem.TryAsync(async () => await (await call()).EnsureSuccessfulAsync());
        if (response is null)
            return problem;
        using (response)
        {
            var disposition = response.ContentHeaders?.ContentDisposition;
            var name = disposition?.FileNameStar ?? disposition?.FileName?.Trim('"') ?? "bao-cao.docx";
            using var content = new DotNetStreamReference(response.Content!);
            await js.InvokeVoidAsync("parplatformDownload", name, content);
        }
        return null;
    }
}
