using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ParPlatform.ServiceDefaults;

/// <summary>
/// Bad input is a 400, never a 500, the same in every environment. A request the framework cannot
/// bind (a JSON body of the wrong shape, a query or route value that does not fit its parameter's
/// type, a missing body) is answered before the handler runs, so nothing is written, with a
/// ValidationProblem naming the field: the body's JSON path ("code", "unitCodes[0]", "$" for the body
/// as a whole) or the parameter ("pageSize"). A NUL character in a query value, which PostgreSQL
/// cannot store, is refused the same way; one in a body (which only the database notices) is a 400
/// too, with nothing written, as is a form the server cannot read.
/// </summary>
public static class BadRequests
{
    public const string NulError = "Có ký tự NUL (\\u0000), không dùng được.";

    public static IServiceCollection AddBadRequestAnswers(this IServiceCollection services)
    {
        // By default minimal APIs throw (for the exception handler) only in Development, and elsewhere answer a bare 400
        // that names nothing; throwing everywhere lets the handler below answer the same, naming the field, in both.
        services.PostConfigure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestHandler>();
        return services;
    }

    /// <summary>Refuses a query value (or name) with a NUL character: a 400 naming it.</summary>
    public static IApplicationBuilder RefuseNulInQuery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var errors = new FieldErrors();
        foreach (var (name, values) in context.Request.Query)
        {
            if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
                errors.Add(name.Replace("\0", "\\u0000", StringComparison.Ordinal), NulError);
        }
        if (errors.Any)
            await ApiProblems.Invalid(errors).ExecuteAsync(context);
        else
            await next(context);
    });

    private sealed class BadRequestHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            IResult? answer = exception switch
            {
                BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } e => Invalid(httpContext, e),
                BadHttpRequestException e => TypedResults.Problem(statusCode: e.StatusCode, title: e.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => "Nội dung gửi lên quá lớn.",
                    StatusCodes.Status415UnsupportedMediaType => "Định dạng nội dung gửi lên không được hỗ trợ; gửi JSON (Content-Type: application/json).",
                    _ => "Yêu cầu không hợp lệ.",
                }),
                InvalidDataException when httpContext.Request.HasFormContentType => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                    title: "Biểu mẫu gửi lên không đọc được.", detail: "Quá nhiều trường, tên trường quá dài, hoặc sai định dạng."),
                _ when IsNulRefusedByPostgres(exception) =>
                    ApiProblems.Invalid(new FieldErrors().Add("$", "Một giá trị văn bản có ký tự NUL (\\u0000), không lưu được.")),
                _ => null,
            };
            if (answer is null)
                return false;
            await answer.ExecuteAsync(httpContext);
            return true;
        }

        /// <summary>PostgreSQL's "invalid byte sequence for encoding UTF8: 0x00", however deep the layers above wrap it.</summary>
        private static bool IsNulRefusedByPostgres(Exception? exception)
        {
            for (; exception is not null; exception = exception.InnerException)
            {
                if (exception is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire })
                    return true;
            }
            return false;
        }

        private static ValidationProblem Invalid(HttpContext context, BadHttpRequestException exception)
        {
            if (exception.InnerException is JsonException { Path: { } path })
            {
                return path == "$"
                    ? ApiProblems.Invalid(new FieldErrors().Add("$", NotAnObject))
                    : ApiProblems.Invalid(new FieldErrors().Add(path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path,
                        "Sai kiểu dữ liệu, hoặc JSON sai cú pháp ở đây."));
            }
            // The handler's endpoint and route values as they were (the exception handler has cleared the request's).
            var failed = context.Features.Get<IExceptionHandlerFeature>();
            var parameter = ParameterNamedIn(exception.Message, failed?.Endpoint);
            if (parameter is null || IsBody(parameter, failed?.Endpoint))
                return ApiProblems.Invalid(new FieldErrors().Add("$", NotAnObject));
            var name = parameter.Name!;
            var given = context.Request.Query.ContainsKey(name) || failed?.RouteValues?.ContainsKey(name) == true;
            return ApiProblems.Invalid(new FieldErrors().Add(name, given ? Expected(parameter.ParameterType) : "Bắt buộc."));
        }

        private const string NotAnObject = "Nội dung gửi lên phải là một đối tượng JSON {…} đúng dạng.";

        /// <summary>
        /// The handler's parameter the framework's message names in its first quotes, as "type name" or "name":
        /// <c>Failed to bind parameter "int? pageSize" from "abc".</c>
        /// </summary>
        private static ParameterInfo? ParameterNamedIn(string message, Endpoint? endpoint)
        {
            var quoted = message.Split('"');
            if (quoted.Length < 3)
                return null;
            var name = quoted[1].Split(' ')[^1];
            return endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(p => p.Name == name);
        }

        private static bool IsBody(ParameterInfo parameter, Endpoint? endpoint) =>
            endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } body &&
            (Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType) == body;

        private static string Expected(Type type)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            if (t == typeof(int) || t == typeof(long) || t == typeof(short))
                return "Phải là một số nguyên trong phạm vi cho phép.";
            if (t == typeof(decimal) || t == typeof(double))
                return "Phải là một số.";
            if (t == typeof(bool))
                return "Phải là true hoặc false.";
            if (t == typeof(Guid))
                return "Phải là một mã GUID.";
            if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset))
                return "Phải là một ngày dạng yyyy-MM-dd.";
            return "Giá trị không đúng kiểu.";
        }
    }
}
