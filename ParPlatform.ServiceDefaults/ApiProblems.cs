using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ParPlatform.ServiceDefaults;

/// <summary>The APIs' error answers (titles in Vietnamese: a person reads them).</summary>
public static class ApiProblems
{
    public static IResult Invalid(FieldErrors errors, string title = "Dữ liệu gửi lên không hợp lệ.")
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(errors.ToDictionary(), title: title);
    }

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Đã tồn tại.", detail: detail);

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy.", detail: detail);

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Không có quyền thực hiện thao tác này.", detail: detail);

    /// <summary>
    /// Saves what was added and answers 201 with <paramref name="body"/>; a unique key taken by a
    /// concurrent request since the caller's check answers 409 with <paramref name="conflict"/>.
    /// </summary>
    public static async Task<IResult> SaveCreatedAsync<T>(this DbContext db, string location, T body, string conflict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            return Conflict(conflict);
        }
        return TypedResults.Created(location, body);
    }

    /// <summary>A unique key taken by a concurrent request between a check and an insert.</summary>
    public static bool IsUniqueViolation(Exception e) =>
        e?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
