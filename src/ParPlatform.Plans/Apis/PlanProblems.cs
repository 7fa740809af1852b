using Microsoft.EntityFrameworkCore;
using ParPlatform.Plans.Domain;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Plans.Apis;

/// <summary>
/// The plan rules' refusals as answers, with nothing written: a rule of the plan (editing an issued plan, issuing a superseded
/// plan's revision, progress on a finished task…) → 409 with the reason; a value the plan cannot take (loosening a province
/// target…) → 400 naming the field; someone else changed the plan meanwhile → 409.
/// </summary>
public sealed class PlanProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (PlanRuleException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Không thực hiện được.", detail: e.Message);
        }
        catch (PlanInputException e)
        {
            return ApiProblems.Invalid(new FieldErrors().Add(e.Field, e.Message));
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Kế hoạch vừa được người khác cập nhật.",
                detail: "Tải lại kế hoạch rồi thực hiện lại.");
        }
    }
}
