using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.SharedKernel;

namespace ParPlatform.ServiceDefaults;

/// <summary>
/// A domain's refusals as answers, with nothing written, for every service's routes that change its aggregates: a rule
/// of the aggregate (<see cref="DomainRuleException"/>: a step its state does not allow, a second apology…) → 409 with the
/// reason; a value it cannot take (<see cref="DomainInputException"/>) → 400 naming the field; someone else changed it
/// meanwhile, or created the same one at the same moment → 409.
/// </summary>
public sealed class DomainProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (DomainRuleException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Không thực hiện được.", detail: e.Message);
        }
        catch (DomainInputException e)
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
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Dữ liệu vừa được người khác cập nhật.", detail: "Tải lại rồi thực hiện lại.");
}
