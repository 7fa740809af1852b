using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ParPlatform.ServiceDefaults;

/// <summary>The APIs' error answers (titles in Vietnamese: a person reads them).</summary>
public static class ApiProblems
{
    public static ValidationProblem Invalid(FieldErrors errors, string title = "Dữ liệu gửi lên không hợp lệ.")
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(errors.ToDictionary(), title: title);
    }

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Đã tồn tại.", detail: detail);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy.", detail: detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Không có quyền thực hiện thao tác này.", detail: detail);

    /// <summary>
    /// Saves what was added; false when a unique key was taken by a concurrent request since the
    /// caller's check (answer 409 then).
    /// </summary>
    public static async Task<bool> TrySaveNewAsync(this DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            return false;
        }
    }

    /// <summary>A unique key taken by a concurrent request between a check and an insert.</summary>
    public static bool IsUniqueViolation(Exception e) =>
        e?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
