using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Reporting.Domain;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Reporting.Apis;

/// <summary>
/// The report workflow's refusals as answers, with nothing written: a bad value → 400 naming the field; a step the
/// report's status does not allow, or someone else changed or submitted it meanwhile → 409.
/// </summary>
public sealed class ReportProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (ReportInputException e)
        {
            return ApiProblems.Invalid(new FieldErrors().Add(e.Field, e.Message));
        }
        catch (ReportRuleException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed();
        }
        catch (DbUpdateException e) when (ApiProblems.IsUniqueViolation(e))
        {
            return Changed();
        }
    }

    private static ProblemHttpResult Changed() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Báo cáo vừa được người khác cập nhật.", detail: "Tải lại rồi thực hiện lại.");
}
