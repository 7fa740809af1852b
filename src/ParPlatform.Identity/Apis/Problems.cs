using Npgsql;
using ParPlatform.Identity.Domain;

namespace ParPlatform.Identity.Apis;

/// <summary>The identity API's error answers (titles in Vietnamese: a person reads them).</summary>
internal static class Problems
{
    public static IResult Invalid(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "Dữ liệu gửi lên không hợp lệ.");

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Đã tồn tại.", detail: detail);

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy.", detail: detail);

    /// <summary>A unique key taken by a concurrent request between our check and our insert.</summary>
    public static bool IsUniqueViolation(Exception e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
