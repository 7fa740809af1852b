using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Finance.Domain;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Finance.Apis;

/// <summary>
/// The finance rules' refusals as answers, with nothing written: a value the budget or the capital plan cannot take → 400
/// naming the field; someone else changed it meanwhile, or opened the same year's budget or plan at the same moment → 409.
/// </summary>
public sealed class FinanceProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (FinanceInputException e)
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
