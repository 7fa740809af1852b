using Microsoft.AspNetCore.Http;
using Npgsql;

namespace ParPlatform.ServiceDefaults;

/// <summary>The APIs' error answers (titles in Vietnamese: a person reads them).</summary>
public static class ApiProblems
{
    public static IResult Invalid(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Dữ liệu gửi lên không hợp lệ.");
    }

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Đã tồn tại.", detail: detail);

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy.", detail: detail);

    /// <summary>A unique key taken by a concurrent request between a check and an insert.</summary>
    public static bool IsUniqueViolation(Exception e) =>
        e?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
