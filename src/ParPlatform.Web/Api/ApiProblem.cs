using System.Net;
using ParPlatform.Web.Auth;
using Polly;
using Refit;

namespace ParPlatform.Web.Api;

/// <summary>
/// An API's refusal as a person reads it: the reason (the ProblemDetails' detail or title, in Vietnamese from the
/// services) and the field errors by field name, to show next to the fields.
/// </summary>
public sealed record ApiProblem(string Message, IReadOnlyDictionary<string, string[]> Errors)
{
    public string? ErrorOf(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } messages
            ? string.Join(" ", messages)
            : null;

    /// <summary>The problem without the error of a field the person has changed since.</summary>
    public ApiProblem Without(string field) =>
        this with { Errors = Errors.Where(e => !string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).ToDictionary() };

    /// <summary>Runs an API call; a refusal (or the session's end) becomes the problem to show instead of an exception.</summary>
    public static async Task<(T? Value, ApiProblem? Problem)> TryAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return (await call(), null);
        }
        catch (ApiException e)
        {
            return (default, Of(e));
        }
        catch (SessionEndedException e)
        {
            return (default, new ApiProblem(e.Message, new Dictionary<string, string[]>()));
        }
        catch (Exception e) when (e is HttpRequestException or ExecutionRejectedException or ApiRequestException)
        {
            // The gateway did not answer, even after the resilience handler's retries (or its circuit is open); Refit wraps
            // the failure of a call answered as an ApiResponse in an ApiRequestException.
            return (default, new ApiProblem("Không kết nối được với hệ thống; vui lòng thử lại sau ít phút.", new Dictionary<string, string[]>()));
        }
    }

    public static ApiProblem Of(ApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        string? reason = null;
        var validation = exception as ValidationApiException
            ?? (exception.ContentHeaders?.ContentType?.MediaType == "application/problem+json" ? ValidationApiException.Create(exception) : null);
        if (validation?.Content is { } problem)
        {
            foreach (var (field, messages) in problem.Errors)
                errors[field] = messages;
            reason = string.IsNullOrWhiteSpace(problem.Detail) ? problem.Title : $"{problem.Title} {problem.Detail}";
        }
        return new ApiProblem(reason ?? Fallback(exception.StatusCode), errors);
    }

    private static string Fallback(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại.",
        HttpStatusCode.Forbidden => "Tài khoản của bạn không có quyền thực hiện thao tác này.",
        HttpStatusCode.NotFound => "Không tìm thấy dữ liệu.",
        HttpStatusCode.TooManyRequests => "Quá nhiều yêu cầu; vui lòng thử lại sau ít giây.",
        >= HttpStatusCode.InternalServerError => "Hệ thống tạm thời không sẵn sàng; vui lòng thử lại sau ít phút.",
        _ => "Yêu cầu không thực hiện được.",
    };
}
