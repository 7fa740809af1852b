using ParPlatform.Dossiers.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Dossiers.Apis;

/// <summary>
/// The dossier's own refusals as answers, next to the kit's <see cref="DomainProblems"/> (rules, field values, concurrent
/// changes): an action the state does not allow → 409 naming the state; a date in a year the calendar does not know →
/// 400 naming the year.
/// </summary>
public sealed class DossierProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (IllegalTransitionException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Không thực hiện được ở trạng thái hiện tại.",
                detail: e.Message, extensions: new Dictionary<string, object?> { ["currentStatus"] = EnumNames.Name(e.Current) });
        }
        catch (UnknownCalendarYearException e)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["calendar"] = [e.Message] },
                title: $"Lịch làm việc năm {e.Year} chưa được cấu hình.");
        }
    }
}
