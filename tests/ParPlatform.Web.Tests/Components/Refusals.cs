using System.Net;
using System.Text;
using System.Text.Json;
using Refit;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The refusals of the APIs as the components receive them.</summary>
internal static class Refusals
{
    /// <summary>Throws the exception Refit raises for a ProblemDetails answer of the gateway, as the services write them.</summary>
    public static async Task<T> ThrowAsync<T>(HttpStatusCode status, object problem)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://gateway/api/v1/units/06112");
        using var response = new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(JsonSerializer.Serialize(problem), Encoding.UTF8, "application/problem+json"),
        };
        throw await ApiException.Create(request, HttpMethod.Post, response, new RefitSettings());
    }

    /// <summary>A 400 of the API naming one field.</summary>
    public static object Invalid(string field, string message) => new
    {
        title = "Dữ liệu gửi lên không hợp lệ.",
        status = 400,
        errors = new Dictionary<string, string[]> { [field] = [message] },
    };
}
