using Microsoft.EntityFrameworkCore;
using ParPlatform.Dossiers.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Dossiers.Apis;

/// <summary>
/// The dossier rules' refusals as answers: an action the state does not allow → 409 naming the
/// state; a rule of the dossier (second apology, second rating…) → 409; someone else changed the
/// dossier meanwhile, again after one more try (DossiersApi) → 409; a value the dossier cannot take → 400 naming the field; a date in a year the calendar does not know → 400 naming the year.
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
        catch (DossierRuleException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Không thực hiện được.", detail: e.Message);
        }
        catch (DossierInputException e)
        {
            return ApiProblems.Invalid(new FieldErrors().Add(e.Field, e.Message));
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Hồ sơ vừa được người khác cập nhật.",
                detail: "Tải lại hồ sơ rồi thực hiện lại.");
        }
        catch (UnknownCalendarYearException e)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["calendar"] = [e.Message] },
                title: $"Lịch làm việc năm {e.Year} chưa được cấu hình.");
        }
    }
}
