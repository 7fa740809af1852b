using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ParPlatform.ServiceDefaults;

/// <summary>
/// The one way a service reads its settings: an <c>XxxOptions</c> class with defaults, its rules as data
/// annotations (and <see cref="IValidatableObject"/> for rules across fields), bound from one configuration
/// section and checked when the service starts, so a wrong setting stops it at once, naming the setting.
/// </summary>
public static class ServiceOptions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="section"/> (completed by <paramref name="complete"/>
    /// with what comes from elsewhere, e.g. a connection string), validates it, registers it as
    /// <see cref="IOptions{TOptions}"/> and returns it for what the service sets up with it at start; once
    /// added, the same options are returned again.
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting breaks its rule: the message names it and its section.</exception>
    public static TOptions AddServiceOptions<TOptions>(this IHostApplicationBuilder builder, string section, Action<TOptions>? complete = null)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.FirstOrDefault(s => s.ServiceType == typeof(IOptions<TOptions>))?.ImplementationInstance is IOptions<TOptions> added)
            return added.Value;
        TOptions options;
        try
        {
            options = builder.Configuration.GetSection(section).Get<TOptions>() ?? new TOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new OptionsValidationException(section, typeof(TOptions), [$"{section}: {e.Message}"]);
        }
        complete?.Invoke(options);
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            throw new OptionsValidationException(section, typeof(TOptions),
                [.. errors.Select(e => $"{section}:{string.Join(", :", e.MemberNames)}: {e.ErrorMessage}")]);
        }
        builder.Services.AddSingleton(Options.Create(options));
        return options;
    }
}
