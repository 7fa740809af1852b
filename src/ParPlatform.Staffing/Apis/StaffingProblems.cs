using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.ServiceDefaults;
using ParPlatform.Staffing.Domain;

namespace ParPlatform.Staffing.Apis;

/// <summary>
/// The staffing rules' refusals as answers, with nothing written: a value a quota, a headcount or a period's movements
/// cannot take → 400 naming the field; someone else changed it meanwhile, or entered the same one at the same moment → 409.
/// </summary>
public sealed class StaffingProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (StaffingInputException e)
        {
            return ApiProblems.Invalid(new FieldErrors().Add(e.Field, e.Message));
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
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Số liệu vừa được người khác cập nhật.", detail: "Tải lại rồi thực hiện lại.");
}
